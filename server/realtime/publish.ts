import type { Server } from "socket.io";
import type { ClientEvents, RealtimeEvent, ServerEvents } from "./events";

export type IoServer = Server<ClientEvents, ServerEvents>;

// server.ts creates the Socket.IO server; Next's bundled route handlers reach it through globalThis.
const globalForIo = globalThis as typeof globalThis & { __gdstIo?: IoServer };

export function setIo(io: IoServer | undefined): void {
  globalForIo.__gdstIo = io;
}

export function getIo(): IoServer | undefined {
  return globalForIo.__gdstIo;
}

/** Emits events after their transaction committed. Without a socket server (tests, scripts) nothing is sent. */
export function publish(events: RealtimeEvent[]): void {
  const io = getIo();
  if (!io) return;
  for (const { room, except, name, payload } of events) {
    const target = except ? io.to(room).except(except) : io.to(room);
    (target.emit as (event: string, data: unknown) => boolean)(name, payload);
  }
}

/** Ends every socket of a user at once, on every process (the Redis adapter fans this out). */
export function disconnectUser(userId: string, reason: string): void {
  const io = getIo();
  if (!io) return;
  io.to(`user:${userId}`).emit("session.ended", { reason });
  io.in(`user:${userId}`).disconnectSockets(true);
}

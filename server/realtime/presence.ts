import { log } from "../log";
import { rooms } from "./events";
import type { IoServer } from "./publish";

const THREAD_ROOM = /^thread:(.+)$/;

/** The thread ids among a socket's rooms. */
export const threadIdsOf = (socketRooms: Iterable<string>) =>
  [...socketRooms].flatMap((room) => THREAD_ROOM.exec(room)?.[1] ?? []);

/**
 * Tells everyone in a thread how many distinct people have it open. `fetchSockets()` asks every
 * process through the Redis adapter, so the count is the same on all of them; several tabs of one
 * person count once.
 */
export async function broadcastPresence(io: IoServer, threadId: string): Promise<void> {
  const room = rooms.thread(threadId);
  try {
    const sockets = await io.in(room).fetchSockets();
    const readerCount = new Set(sockets.map((socket) => (socket.data as { actor?: { id: string } }).actor?.id).filter(Boolean)).size;
    io.to(room).emit("thread.presence", { threadId, readerCount });
  } catch (error) {
    // another process did not answer in time: the next join or leave corrects the count
    log().warn({ err: error, threadId }, "presence count failed");
  }
}

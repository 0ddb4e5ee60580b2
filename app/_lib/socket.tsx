"use client";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientEvents, ServerEvents } from "@/server/realtime/events";

export type ClientSocket = Socket<ServerEvents, ClientEvents>;
export type ConnectionState = "connecting" | "connected" | "disconnected" | "ended";

interface SocketContextValue {
  socket: ClientSocket | null;
  state: ConnectionState;
  endedReason: string | null;
}

const SocketContext = createContext<SocketContextValue>({ socket: null, state: "connecting", endedReason: null });

/** One Socket.IO connection per tab, shared by every live view on the page. */
export function SocketProvider({ children }: { children: ReactNode }) {
  // created on the client only, connected by the effect below. WebSocket only: behind a proxy that
  // spreads requests over several processes without sticky sessions, long-polling requests of one
  // session would reach processes that do not know it (README, Betrieb)
  const [socket] = useState<ClientSocket | null>(() =>
    typeof window === "undefined" ? null : io({ path: "/socket.io", transports: ["websocket"], autoConnect: false }),
  );
  const [value, setValue] = useState<SocketContextValue>({ socket, state: "connecting", endedReason: null });

  useEffect(() => {
    if (!socket) return;
    // exposed for the end-to-end tests that drop and restore the connection
    (window as unknown as { __gdstSocket?: ClientSocket }).__gdstSocket = socket;
    let endedReason: string | null = null;
    const update = (state: ConnectionState) => setValue({ socket, state, endedReason });
    socket.on("connect", () => update("connected"));
    // socket.active is false when the client will not retry: the server ended the session or
    // refused the handshake (deactivated, signed out elsewhere, session expired)
    const lost = (reason?: unknown) => {
      // our own disconnect (page teardown, tests) is not the server ending the session
      if (socket.active || reason === "io client disconnect") return update("disconnected");
      endedReason ??= "Ihre Sitzung ist abgelaufen oder wurde beendet. Bitte melden Sie sich erneut an.";
      update("ended");
    };
    socket.on("disconnect", lost);
    socket.on("connect_error", lost);
    socket.on("session.ended", ({ reason }) => {
      endedReason = reason;
      update("ended");
    });
    socket.connect();
    return () => {
      socket.disconnect();
    };
  }, [socket]);

  return <SocketContext.Provider value={value}>{children}</SocketContext.Provider>;
}

export const useSocket = () => useContext(SocketContext);

/** Calls `onConnect` on every (re)connection, e.g. to join rooms and catch up on missed events. */
export function useOnConnect(onConnect: (socket: ClientSocket) => void | (() => void)) {
  const { socket } = useSocket();
  useEffect(() => {
    if (!socket) return;
    let cleanup: void | (() => void);
    const run = () => {
      if (typeof cleanup === "function") cleanup();
      cleanup = onConnect(socket);
    };
    if (socket.connected) run();
    socket.on("connect", run);
    return () => {
      socket.off("connect", run);
      if (typeof cleanup === "function") cleanup();
    };
  }, [socket, onConnect]);
}

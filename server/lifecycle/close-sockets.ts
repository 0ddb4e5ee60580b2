import type { Server } from "socket.io";

/**
 * Closes every Socket.IO connection at the transport, without a disconnect packet: clients see
 * "transport close" and reconnect by themselves (after `disconnect()` from the server they would
 * not: "io server disconnect" means the session was ended on purpose). Behind the proxy the new
 * connection goes to a process that still accepts, and the thread views catch up from their seq.
 * Engine.IO closes its WebSocket server as well, so no new socket is accepted here.
 */
export async function closeSocketServer(io: Pick<Server, "engine">): Promise<void> {
  io.engine.close();
}

import { io } from "socket.io-client";

const socket = io("http://localhost:3001/admin");

export async function ban(userId: string): Promise<{ ok: boolean }> {
  return socket.timeout(5000).emitWithAck("admin:ban", userId);
}

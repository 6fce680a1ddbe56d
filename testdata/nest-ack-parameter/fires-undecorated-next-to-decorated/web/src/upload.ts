import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export async function sendChunk(id: string, bytes: string): Promise<boolean> {
  return socket.timeout(10000).emitWithAck("upload:chunk", { id, bytes });
}

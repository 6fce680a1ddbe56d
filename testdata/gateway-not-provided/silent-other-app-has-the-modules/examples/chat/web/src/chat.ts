import { io } from "socket.io-client";

const socket = io("http://localhost:3000/chat");

export async function history(room: string): Promise<string[]> {
  return socket.timeout(5000).emitWithAck("chat:history", room);
}

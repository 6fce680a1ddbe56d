import { io } from "socket.io-client";

const socket = io("http://localhost:3000/profile");

export async function rename(id: string, name: string): Promise<boolean> {
  const reply = await socket.timeout(5000).emitWithAck("profile:rename", { id, name });
  return reply.ok;
}

import { io } from "socket.io-client";

const socket = io(import.meta.env.VITE_API_URL ?? "http://localhost:3000");

export async function subscribe(topic: string) {
  return socket.timeout(3000).emitWithAck("notifications:subscribe", topic);
}

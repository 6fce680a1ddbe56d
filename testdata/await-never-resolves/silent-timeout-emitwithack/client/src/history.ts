// silent: emitWithAck has .timeout(5000) and is awaited in try/catch; the handler always acks
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export async function loadHistory(room: string): Promise<string[]> {
  try {
    const messages: string[] = await socket.timeout(5000).emitWithAck("history:get", room);
    return messages;
  } catch (err) {
    console.warn(`history for ${room} unavailable`, err);
    return [];
  }
}

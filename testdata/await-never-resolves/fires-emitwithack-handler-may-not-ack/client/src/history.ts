// fires: emitWithAck without .timeout() never settles when the handler returns without acking
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export async function loadHistory(room: string): Promise<string[]> {
  const messages: string[] = await socket.emitWithAck("history:get", room);
  return messages;
}

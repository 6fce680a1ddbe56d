// fires: client emits "message:new", server only handles "message:create"
import { socket } from "./socket";

export function sendMessage(room: string, text: string): void {
  socket.emit("message:new", { room, text });
}

socket.on("message:added", (message: { room: string; text: string }) => {
  console.log(`[${message.room}] ${message.text}`);
});

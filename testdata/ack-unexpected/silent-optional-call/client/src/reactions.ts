import { socket } from "./socket";

export function sendThumbsUp(room: string): void {
  socket.emit("message:create", { room, text: "+1" });
}

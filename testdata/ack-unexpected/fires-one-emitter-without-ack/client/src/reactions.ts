// fires: this emit of "message:create" passes no ack, but the server calls callback() unconditionally
import { socket } from "./socket";

export function sendThumbsUp(room: string): void {
  socket.emit("message:create", { room, text: "+1" });
}

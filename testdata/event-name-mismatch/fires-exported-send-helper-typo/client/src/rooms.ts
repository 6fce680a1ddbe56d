// fires: the exported `send` helper is called with "room:jion", the server handles "room:join"
import { send } from "./socket";

export function joinRoom(room: string): void {
  send("room:jion", { room });
}

export function leaveRoom(room: string): void {
  send("room:leave", { room }, (reply) => console.log("left", reply));
}

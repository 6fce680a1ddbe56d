// silent: every call of the exported `send` helper names an event the server handles, with the ack the handler expects
import { send } from "./socket";

export function joinRoom(room: string): void {
  send("room:join", { room });
}

export function leaveRoom(room: string): void {
  send("room:leave", { room }, (reply) => console.log("left", reply));
}

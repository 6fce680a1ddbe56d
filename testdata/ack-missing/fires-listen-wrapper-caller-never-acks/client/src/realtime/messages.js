import { socket } from "./socket";

/** Registers `listener` for new chat messages. */
export function onMessage(listener) {
  socket.on("message:new", listener);
}

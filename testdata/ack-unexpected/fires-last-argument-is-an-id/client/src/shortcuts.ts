// fires: the last argument `itemId` is a number (typed so), not an ack, but the server calls callback() unconditionally
import { socket } from "./socket";

export function archiveSelected(itemId: number) {
  socket.emit("item:archive", itemId);
}

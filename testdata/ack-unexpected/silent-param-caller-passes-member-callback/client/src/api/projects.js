// silent: one caller passes `this.onArchived`, which nothing says is data, so the emit may carry an ack: it stays unknown
import { socket } from "../socket";

export function archiveInbox(then) {
  socket.emit("project:archive", "inbox", then);
}

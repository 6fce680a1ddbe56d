// silent: nothing tells what `this.onArchived` holds, so whether the emit carries an ack stays unknown
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export class ItemView {
  constructor(item, onArchived) {
    this.item = item;
    this.onArchived = onArchived;
  }

  archive() {
    socket.emit("item:archive", this.item.id, this.onArchived);
  }
}

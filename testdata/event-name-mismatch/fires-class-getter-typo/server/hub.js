// fires: the hub emits "presence:updat" (typo) on the server its `server` getter returns; clients listen for "presence:update"
import { Server } from "socket.io";

export class Hub {
  constructor(port) {
    this._io = new Server(port);
    this._online = new Set();
  }

  get server() {
    return this._io;
  }

  get admins() {
    return this.server.of("/admins");
  }

  arrive(user) {
    this._online.add(user);
    this.server.emit("presence:updat", [...this._online]);
    this.admins.emit("presence:count", this._online.size);
  }
}

import { io, type Socket } from "socket.io-client";

// A pool of connections kept in a class field and in a Map by user.
export class Pool {
  private members: Socket[] = [];

  grow(url: string) {
    this.members.push(io(url, { forceNew: true }));
  }

  announce() {
    this.members.forEach((member) => member.emit("pool:hello", this.members.length));
    this.members[0]?.emit("pool:leader");
  }
}

const byUser = new Map<string, Socket>();
byUser.set("ada", io("http://localhost:3000", { forceNew: true }));
byUser.get("ada")?.emit("pool:hello", 1);

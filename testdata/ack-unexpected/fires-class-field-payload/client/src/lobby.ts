// fires: `this.room` is a string field of this class (every write of it is a string), not an ack, but the server calls ack() unconditionally
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export class Lobby {
  private room = "lobby";
  private members: string[] = [];

  switchTo(room: string) {
    this.room = `room:${room}`;
    this.join();
  }

  join() {
    socket.emit("room:join", this.room);
  }

  joinAndList() {
    socket.emit("room:join", this.room, (members: string[]) => {
      this.members = members;
    });
  }
}

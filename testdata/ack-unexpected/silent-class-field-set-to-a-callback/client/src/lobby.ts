// silent: `this.onMembers` starts as null but is given a callback in onJoined(), so the emit may carry an ack
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export class Lobby {
  private room = "lobby";
  private onMembers: ((members: string[]) => void) | null = null;

  onJoined(callback: (members: string[]) => void) {
    this.onMembers = callback;
  }

  join() {
    socket.emit("room:join", this.room, this.onMembers);
  }
}

// silent: `channel` is an instance of the Channel class above, and each call of its `emit` wrapper names an event the server handles
import { io } from "socket.io-client";

class Channel {
  constructor(socket) {
    this.socket = socket;
  }

  emit(event, ...args) {
    if (this.socket.connected) this.socket.emit(event, ...args);
  }
}

const socket = io("http://localhost:3000");
const channel = new Channel(socket);

socket.on("cursor:moved", (id, position) => console.log(id, position));

document.addEventListener("mousemove", (e) => channel.emit("cursor:move", { x: e.clientX, y: e.clientY }));
document.addEventListener("mouseleave", () => channel.emit("cursor:hide"));

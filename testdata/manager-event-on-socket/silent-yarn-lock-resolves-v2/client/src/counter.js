// silent: the range is "*", and the workspace's yarn.lock resolved it to socket.io-client 2.x, whose Socket emits "reconnect"
import io from "socket.io-client";

const socket = io("http://localhost:4000");
let count = 0;

socket.on("tally:count", (value) => {
  count = value;
});
socket.on("reconnect", () => socket.emit("tally:sync", count));

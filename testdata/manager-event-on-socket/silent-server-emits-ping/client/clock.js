// silent: "ping" is the application's own event here: the server emits it, so the Socket receives it
import { io } from "socket.io-client";

const socket = io();
const ticks = [];

socket.on("ping", (sentAt) => {
  ticks.unshift(sentAt);
  ticks.length = Math.min(ticks.length, 10);
});

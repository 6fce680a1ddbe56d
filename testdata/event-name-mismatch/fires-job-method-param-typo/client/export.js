import { io } from "socket.io-client";

const socket = io();
socket.on("export:progress", ({ id, done }) => console.log(id, done));
socket.on("export:finished", ({ id }) => console.log(id, "finished"));

export function startExport(id, rows) {
  socket.emit("export:start", id, rows);
}

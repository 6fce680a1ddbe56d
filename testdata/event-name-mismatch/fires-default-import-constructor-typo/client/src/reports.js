import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function requestReport(reportId, onReady) {
  socket.emit("report:request", reportId);
  socket.on("report:ready", ({ url }) => onReady(url));
}

import { io } from "socket.io-client";

const socket = io("http://localhost:3000");
socket.emit("getMonitorList", (res) => console.log(res.ok));
socket.on("monitorList", (list) => console.log(list));
socket.on("avgPing", (ping) => console.log(ping));

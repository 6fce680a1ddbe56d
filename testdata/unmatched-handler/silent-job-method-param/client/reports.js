import { io } from "socket.io-client";

const socket = io();
socket.on("report:progress", (percent) => console.log(percent));
socket.on("report:ready", (room) => console.log("ready", room));
socket.on("nightly:tick", (at) => console.log(at));

export const requestReport = (room) => socket.emit("report:request", room);

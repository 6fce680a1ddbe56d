import { io } from "socket.io-client";

const socket = io();
socket.on("news", (text) => console.log(text));
socket.on("away:ping", () => socket.emit("away", false));

const admin = io("/admin");
admin.on("admin:reminder", () => console.log("reminder"));
admin.on("admin:tick", (at) => console.log(at));

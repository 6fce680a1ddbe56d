import { io } from "socket.io-client";

const socket = io();
socket.on("presence:update", (users) => console.log(users));
socket.emit("hello", "ada");

const admins = io("/admins");
admins.on("presence:count", (count) => console.log(count));

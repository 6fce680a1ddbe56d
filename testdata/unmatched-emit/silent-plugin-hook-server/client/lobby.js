import { io } from "socket.io-client";

const socket = io();
socket.on("lobby:joined", (name) => console.log(name, "joined"));
socket.emit("lobby:hello", "ada");

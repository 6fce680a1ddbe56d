const { io } = require("socket.io-client");

const socket = io("http://localhost:3003");
socket.emit("hello", "ada");
socket.on("welcome", (name) => console.log(name));

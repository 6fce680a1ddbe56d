const { io } = require("socket.io-client");

const socket = io("http://localhost:9001");
socket.on("message", (message) => console.log(message.type));
socket.send({ type: "CLIENT_READY", id: 1 });

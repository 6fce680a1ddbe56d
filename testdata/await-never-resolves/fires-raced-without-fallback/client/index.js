const { io } = require("socket.io-client");

const socket = io("http://localhost:3000");
socket.emit("mirror:pick", ["https://a.example", "https://b.example"], (res) => console.log(res));

// silent: inside the socket.io-client package, `require("../")` is socket.io-client itself, so this is the client the server answers
const { io } = require("../");
const { createServer } = require("./support/server");

const server = createServer(3213);
const socket = io("http://localhost:3213");

socket.on("chat:message", (text) => {
  console.log(text);
  socket.close();
  server.close();
});
socket.emit("chat:send", "hello");

// fires: inside the socket.io package, `..` is socket.io itself: the real server sends "session:ready", which the test client never listens for
import { Server } from "..";
import { io as ioc } from "socket.io-client";

const server = new Server(3210);

server.on("connection", (socket) => {
  socket.emit("session:ready", { id: socket.id });
  socket.on("chat:send", (text: string) => {
    server.emit("chat:message", text);
  });
});

const client = ioc("http://localhost:3210");
client.on("chat:message", (text: string) => {
  console.log(text);
  client.close();
  server.close();
});
client.emit("chat:send", "hello");

// silent: inside the socket.io package, `..` and `../dist` are socket.io itself: the test's server and its client talk about the same events
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
client.on("session:ready", () => client.emit("chat:send", "hello"));
client.on("chat:message", (text: string) => {
  console.log(text);
  client.close();
  server.close();
});

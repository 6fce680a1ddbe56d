// fires: the client emits "chat:post" but the server handles "chat:send"; the untyped `this.io` of tools/notifier.js, an unrelated class, must not make `server.io` unknown and hide it
import { server } from "./app";

server.io.on("connection", (socket) => {
  socket.on("chat:send", (text) => {
    server.io.emit("chat:message", text);
  });
});

import { Hub } from "./hub.js";

const hub = new Hub(3000);
hub.server.on("connection", (socket) => {
  socket.on("hello", (user) => hub.arrive(user));
});
hub.server.of("/admins").on("connection", () => {});

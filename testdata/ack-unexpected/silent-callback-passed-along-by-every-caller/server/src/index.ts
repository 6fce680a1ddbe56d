import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
const items = [{ id: "1", title: "first" }];

io.on("connection", (socket) => {
  socket.on("items:list", (callback: (list: typeof items) => void) => {
    callback(items);
  });
});

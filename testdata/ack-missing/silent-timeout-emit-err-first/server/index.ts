import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("order:place", (items: string[], callback: (res: { id: string }) => void) => {
    callback({ id: String(items.length) });
  });
});

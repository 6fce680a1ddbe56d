import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("board:load", () => {
    socket.emit("board:changed");
  });
  socket.on("card:move", (card: { id: string; column: string }) => {
    io.emit("card:moved", card);
  });
});

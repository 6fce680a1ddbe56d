import { Server } from "socket.io";

const io = new Server(3000);
const teams = io.of(/^\/team-\d+$/);

teams.on("connection", (socket) => {
  socket.on("update:post", (text: string) => {
    socket.nsp.emit("update:posted", { author: socket.id, text });
  });
});

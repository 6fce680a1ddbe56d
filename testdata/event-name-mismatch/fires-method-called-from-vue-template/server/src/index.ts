import { Server } from "socket.io";

const io = new Server(3000);
let next = 1;

io.on("connection", (socket) => {
  socket.on("note:save", (text: string) => {
    console.log(`note ${next}: ${text}`);
    socket.emit("note:saved", next++);
  });
});

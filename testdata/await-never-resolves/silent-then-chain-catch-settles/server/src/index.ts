import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("profile:get", (id: string, callback: (profile: { id: string; name: string }) => void) => {
    callback({ id, name: "ada" });
  });
});

import { Server } from "socket.io";

const io = new Server(4000);
const devices = new Map<string, string>();

io.on("connection", (socket) => {
  // Sent by the mobile app, which lives in another repository.
  socket.on("device:register", (token: string) => {
    devices.set(socket.id, token);
  });
});

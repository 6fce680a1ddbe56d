import { Server } from "socket.io";

const io = new Server(3000);
const sessions = new Map<string, string>();

io.on("connection", (socket) => {
  socket.on("session:start", (start: { user: string }) => {
    sessions.set(socket.id, start.user);
    socket.emit("session:started", { id: socket.id });
  });
  // Only the test suite resets the server between cases.
  socket.on("admin:reset", () => {
    sessions.clear();
  });
});

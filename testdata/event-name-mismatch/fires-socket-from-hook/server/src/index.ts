import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "http://localhost:5173" } });
const votes = new Map<string, number>();

io.on("connection", (socket) => {
  socket.on("poll:vote", (option: string) => {
    votes.set(option, (votes.get(option) ?? 0) + 1);
    io.emit("poll:results", Object.fromEntries(votes));
  });
});

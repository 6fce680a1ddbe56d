import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
const names = new Map([["1", "Ada"]]);

io.on("connection", (socket) => {
  socket.on("profile:get", (id: string, callback: (profile: unknown) => void) => {
    callback(names.has(id) ? { id, name: names.get(id) } : null);
  });
});

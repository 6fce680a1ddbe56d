import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
const history = new Map<string, string[]>([["general", ["welcome"]]]);

io.on("connection", (socket) => {
  socket.on("history:get", (room: string, callback: (messages: string[]) => void) => {
    const messages = history.get(room);
    if (!messages) return;
    callback(messages);
  });
});

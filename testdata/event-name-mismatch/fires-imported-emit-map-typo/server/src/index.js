import { Server } from "socket.io";
import { announcements } from "./announcements";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  for (const [event, payload] of Object.entries(announcements)) {
    socket.emit(event, payload);
  }
});

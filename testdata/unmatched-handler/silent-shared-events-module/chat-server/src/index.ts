import { Server } from "socket.io";
import { Events } from "../../shared/events";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on(Events.Say, (text: string) => {
    io.emit(Events.Message, text);
  });
});

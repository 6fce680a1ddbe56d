import { Server } from "socket.io";
import { CHAT_MESSAGE, CHAT_SEND, PRESENCE_STATUS } from "../../shared/index";

const io = new Server(3000);
const statuses = new Map<string, string>();

io.on("connection", (socket) => {
  socket.on(CHAT_SEND, (text: string) => {
    io.emit(CHAT_MESSAGE, text);
  });
  socket.on(PRESENCE_STATUS, (status: string) => {
    statuses.set(socket.id, status);
  });
});

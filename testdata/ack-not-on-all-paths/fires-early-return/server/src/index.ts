// fires: an empty message returns before callback(), so the client's ack never runs
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
const messages: string[] = [];

io.on("connection", (socket) => {
  socket.on("message:create", (data: { text: string }, callback: (res: { ok: boolean; id?: string }) => void) => {
    if (!data.text) return;
    messages.push(data.text);
    callback({ ok: true, id: String(messages.length) });
  });
});

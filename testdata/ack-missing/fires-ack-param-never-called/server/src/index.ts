// fires: the handler declares `callback` but never calls it, so the client's ack never runs
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
const notes = new Map<string, string>();

io.on("connection", (socket) => {
  socket.on("note:add", (data: { text: string }, callback: (res: { id: string }) => void) => {
    const id = String(notes.size + 1);
    notes.set(id, data.text);
    console.log(`note ${id} stored`);
  });
});

// fires: the client waits for an ack on "note:add" but the handler takes no callback at all
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
const notes: string[] = [];

io.on("connection", (socket) => {
  socket.on("note:add", (data: { text: string }) => {
    notes.push(data.text);
    console.log(`${notes.length} notes`);
  });
});

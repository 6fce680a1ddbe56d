// silent: a (...args) handler takes its ack from args[args.length - 1] and always calls it
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
const notes = new Map<string, string>();

io.on("connection", (socket) => {
  socket.on("note:add", (...args: unknown[]) => {
    const cb = args[args.length - 1] as (res: { id: string }) => void;
    const data = args[0] as { text: string };
    const id = String(notes.size + 1);
    notes.set(id, data.text);
    cb({ id });
  });
});

import { Server } from "socket.io";

const io = new Server(3000);
const tags = new Map<string, number>();

io.on("connection", (socket) => {
  socket.on("tag:add", (name: string, callback: (res: { id: number }) => void) => {
    if (tags.has(name)) {
      return;
    }
    tags.set(name, tags.size + 1);
    callback({ id: tags.size });
  });
});

import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("file:save", (file: { path: string; text: string }, ack: (ok: boolean) => void) => {
    console.log("saving", file.path);
    ack(true);
  });
});

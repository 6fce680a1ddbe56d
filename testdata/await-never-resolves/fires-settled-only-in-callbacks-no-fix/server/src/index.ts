import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("file:upload", (name: string, bytes: Buffer, callback: (res: { ok: boolean; url: string }) => void) => {
    callback({ ok: bytes.length > 0, url: `/files/${name}` });
  });
});

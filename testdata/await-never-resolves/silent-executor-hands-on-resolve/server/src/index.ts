import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("upload:chunk", (chunk: ArrayBuffer, callback: (ok: boolean) => void) => {
    console.log("chunk of", chunk.byteLength, "bytes");
    callback(true);
  });
});

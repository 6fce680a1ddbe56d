import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("doc:saev", (text: string, callback: (ok: boolean) => void) => {
    console.log(text.length);
    callback(true);
  });
});

import { Server } from "socket.io";

const io = new Server(3000);
const jobs = io.of("/jobs");

jobs.on("connection", (socket) => {
  socket.on("worker:ready", (info: { threads: number }, callback: (accepted: boolean) => void) => {
    console.log(`worker ready with ${info.threads} threads`);
    callback(true);
    socket.emit("job:run", { id: 1, kind: "thumbnail" });
  });
  socket.on("job:done", (result: { id: number; url: string }) => {
    console.log(`job ${result.id} done: ${result.url}`);
  });
});

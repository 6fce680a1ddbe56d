import { Server } from "socket.io";

const io = new Server(3000);
const jobs = io.of("/jobs");

jobs.on("connection", (socket) => {
  socket.on("worker:ready", (info: { threads: number }) => {
    console.log(`worker ready with ${info.threads} threads`);
    socket.timeout(10_000).emit("job:run", { id: 1, kind: "thumbnail" }, (err: Error | null, result: string) => {
      if (err) {
        console.error("the worker never answered", err);
        return;
      }
      console.log("job done", result);
    });
  });
});

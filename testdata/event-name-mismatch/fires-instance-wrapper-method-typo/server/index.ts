import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
const cancelled = new Set<string>();

io.on("connection", (socket) => {
  socket.on("job:start", (jobId: string) => {
    socket.join(`job:${jobId}`);
    io.to(`job:${jobId}`).emit("job:started", jobId);
  });
  socket.on("job:cancel", (jobId: string) => {
    cancelled.add(jobId);
  });
});

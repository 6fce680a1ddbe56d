import { Server } from "socket.io";

const io = new Server(3000);

io.of("/admin").on("connection", (socket) => {
  socket.on("metrics:report", (metrics: { cpu: number }) => {
    console.log(`cpu at ${metrics.cpu}%`);
  });
});

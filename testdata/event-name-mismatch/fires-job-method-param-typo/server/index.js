import { Server } from "socket.io";
import { Scheduler } from "./jobs/scheduler.js";

const io = new Server(3000);
const scheduler = new Scheduler(io);

io.on("connection", (socket) => {
  socket.on("export:start", (id, rows) => {
    socket.join(`export:${id}`);
    scheduler.start(id, rows);
  });
});

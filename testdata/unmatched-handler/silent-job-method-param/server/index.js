import { Server } from "socket.io";
import { ReportJob } from "./jobs/report-job.js";
import { Nightly } from "./jobs/nightly.js";

const io = new Server(3000);
const nightly = new Nightly(io);
setInterval(() => nightly.tick(), 86_400_000);

io.on("connection", (socket) => {
  socket.on("report:request", (room) => {
    socket.join(room);
    new ReportJob().run(io, room);
  });
});

import { Server } from "socket.io";
import Runner from "./jobs/report-runner";

const io = new Server(3000, { cors: { origin: "*" } });
const runner = new Runner(io);

io.on("connection", (socket) => {
  socket.on("report:request", (reportId) => {
    socket.join(`report:${reportId}`);
    runner.run(reportId, async (id) => `/reports/${id}.pdf`).catch(console.error);
  });
});

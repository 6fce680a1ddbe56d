const { Server } = require("socket.io");

const io = new Server(3000, { cors: { origin: "*" } });
const paused = new Set();

io.on("connection", (socket) => {
  socket.on("job:pause", async (jobId, callback) => {
    try {
      paused.add(jobId);
      callback({ ok: true });
    } catch (e) {
      callback({ ok: false, msg: e.message });
    }
  });
});

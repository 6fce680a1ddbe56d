const { Server } = require("socket.io");

const io = new Server(4000);
const online = new Map();

io.on("connection", (socket) => {
  socket.on("presence:join", ({ user }) => {
    online.set(socket.id, { user, status: "online" });
  });
  socket.on("presence:status", (status) => {
    const entry = online.get(socket.id);
    if (entry) entry.status = status;
  });
});

const { Server } = require("socket.io");

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("draft:save", (draft) => {
    socket.broadcast.emit("draft:saved", draft.id);
  });
  socket.on("typing", (room) => {
    socket.to(room).emit("typing", socket.id);
  });
  socket.on("draft:publish", (draft, callback) => {
    callback({ ok: true, id: draft.id });
  });
  socket.on("draft:delete", (id, callback) => {
    callback({ ok: true });
  });
});

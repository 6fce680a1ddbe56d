const { Server } = require("socket.io");

const io = new Server(3000);
const notes = new Map();

io.on("connection", (socket) => {
  socket.on("note:open", ({ noteId }) => {
    socket.join(noteId);
    socket.emit("note:content", notes.get(noteId) || "");
  });
});

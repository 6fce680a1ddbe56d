const { Server } = require("socket.io");

const io = new Server(4000);
const uploads = new Map();

io.of("/uploads").on("connection", (socket) => {
  socket.on("upload:begin", (header) => {
    uploads.set(socket.id, { name: header.name, parts: [] });
  });
  socket.on("upload:chunk", (chunk) => {
    uploads.get(socket.id)?.parts.push(chunk);
  });
  socket.on("upload:end", (name) => {
    const upload = uploads.get(socket.id);
    uploads.delete(socket.id);
    socket.emit("upload:stored", { name, size: upload ? Buffer.concat(upload.parts).length : 0 });
  });
});

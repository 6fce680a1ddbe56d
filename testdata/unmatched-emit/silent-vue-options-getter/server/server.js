const { Server } = require("socket.io");

const io = new Server(3001);
io.on("connection", (socket) => {
    socket.on("add", async (monitor, callback) => {
        io.to(socket.id).emit("monitorList", [monitor]);
        callback({ ok: true });
    });
});

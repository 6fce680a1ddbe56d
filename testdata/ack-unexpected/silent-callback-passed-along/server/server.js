const { Server } = require("socket.io");

const io = new Server(3001);
io.on("connection", (socket) => {
    socket.on("deleteMonitor", async (monitorID, callback) => {
        try {
            await remove(monitorID);
            callback({ ok: true });
        } catch (e) {
            callback({ ok: false, msg: e.message });
        }
    });
});

async function remove(id) {
    return id;
}

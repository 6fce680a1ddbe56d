const { Server } = require("socket.io");
const { devices } = require("./devices");

const io = new Server(3001);

io.on("connection", (socket) => {
    socket.on("disableDevice", async (deviceId, callback) => {
        try {
            await devices.setEnabled(deviceId, false);
            io.emit("deviceList", await devices.list());
            callback({ ok: true, msg: "Disabled" });
        } catch (e) {
            callback({ ok: false, msg: e.message });
        }
    });

    socket.on("enableDevice", async (deviceId, callback) => {
        try {
            await devices.setEnabled(deviceId, true);
            io.emit("deviceList", await devices.list());
            callback({ ok: true, msg: "Enabled" });
        } catch (e) {
            callback({ ok: false, msg: e.message });
        }
    });
});

// fires: a `return` meant as `continue` leaves the whole handler before the ack
const { Server } = require("socket.io");

const io = new Server(3004);
io.on("connection", (socket) => {
    socket.on("uploadBackup", async (proxies, importHandle, callback) => {
        try {
            for (const proxy of proxies) {
                if (importHandle === "skip" && proxy.exists) {
                    return;
                }
                await save(proxy);
            }
            callback({ ok: true });
        } catch (e) {
            callback({ ok: false, msg: e.message });
        }
    });
});

async function save(proxy) {
    return proxy;
}

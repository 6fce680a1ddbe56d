// silent: the sign-in check is inside the `try`, so its throw is answered by the `catch`
const { Server } = require("socket.io");
const { requireUser } = require("./auth");
const { findUser } = require("./users");

const io = new Server(3001);

io.on("connection", (socket) => {
    socket.on("mfaStatus", async (callback) => {
        try {
            requireUser(socket);
            const user = await findUser(socket.userId);
            callback({ ok: true, enabled: user.mfaEnabled });
        } catch (e) {
            callback({ ok: false, msg: e.message });
        }
    });
});

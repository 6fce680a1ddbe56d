// fires: `requireUser(socket)` throws before the `try` when the socket is not signed in: the handler rejects and the dialog waits for an ack forever
const { Server } = require("socket.io");
const { requireUser } = require("./auth");
const { findUser } = require("./users");

const io = new Server(3001);

io.on("connection", (socket) => {
    socket.on("mfaStatus", async (callback) => {
        requireUser(socket);

        try {
            const user = await findUser(socket.userId);
            callback({ ok: true, enabled: user.mfaEnabled });
        } catch (e) {
            callback({ ok: false, msg: e.message });
        }
    });
});

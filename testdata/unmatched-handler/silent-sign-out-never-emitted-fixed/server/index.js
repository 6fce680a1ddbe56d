const { Server } = require("socket.io");
const { checkPassword } = require("./accounts");

const io = new Server(3001);

io.on("connection", (socket) => {
    socket.on("signIn", async (form, callback) => {
        try {
            const user = await checkPassword(form.username, form.password);
            socket.userId = user.id;
            socket.join(`user:${user.id}`);
            callback({ ok: true, token: user.token });
        } catch (e) {
            callback({ ok: false, msg: e.message });
        }
    });

    socket.on("signOut", async (callback) => {
        socket.leave(`user:${socket.userId}`);
        socket.userId = null;
        callback();
    });
});

setInterval(() => {
    io.to("user:1").emit("usage", { cpu: process.cpuUsage().user });
}, 10000);

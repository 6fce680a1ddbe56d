// silent: `if (!await limiter.pass(callback)) return;` — the helper acked on the refusing path
const { Server } = require("socket.io");
const { loginRateLimiter } = require("./rate-limiter");

const io = new Server(3005);
io.on("connection", (socket) => {
    socket.on("logout", async (callback) => {
        if (!await loginRateLimiter.pass(callback)) {
            return;
        }
        socket.leave("users");
        callback({ ok: true });
    });
});

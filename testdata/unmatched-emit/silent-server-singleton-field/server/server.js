const { AppServer } = require("./app-server");
const { Stats } = require("./stats");

const server = AppServer.getInstance();
const io = module.exports.io = server.io;

io.on("connection", (socket) => {
    socket.on("getMonitorList", (callback) => {
        server.sendMonitorList(socket, []);
        callback({ ok: true });
    });
    Stats.sendStats(io, socket.userID);
});

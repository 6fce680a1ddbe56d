// silent: the server is handed to a router module through a setter, as etherpad does
const socketio = require("socket.io");
const router = require("./handler/router");

let io;

exports.createServer = (httpServer) => {
    io = socketio({ cookie: false }).listen(httpServer);
    router.setSocketIO(io);
};

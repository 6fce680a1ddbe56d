// silent: the Server lives in a singleton's class field and is reached as `X.getInstance().io`
const { Server } = require("socket.io");

class AppServer {
    static getInstance() {
        if (!AppServer.instance) {
            AppServer.instance = new AppServer();
        }
        return AppServer.instance;
    }

    constructor() {
        this.io = new Server(3000);
    }

    sendMonitorList(socket, list) {
        this.io.to(socket.userID).emit("monitorList", list);
    }
}

module.exports = { AppServer };

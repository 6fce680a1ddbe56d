const { Server } = require("socket.io");
const { maintenanceSocketHandler } = require("./socket-handlers/maintenance-socket-handler");

const io = new Server(3001);
io.on("connection", (socket) => {
    maintenanceSocketHandler(socket);
});

let socket;

exports.setSocketIO = (_socket) => {
    socket = _socket;
    socket.sockets.on("connection", (client) => {
        client.on("message", (message) => {
            client.emit("message", { type: "ACK", id: message.id });
        });
    });
};

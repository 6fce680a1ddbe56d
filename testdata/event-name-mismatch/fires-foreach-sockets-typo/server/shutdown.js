// fires: on shutdown every connected socket is told "server:shuting-down" (typo), which no client listens for
export function warnAll(io, seconds) {
  Object.values(io.sockets.sockets).forEach((socket) => {
    socket.emit("server:shuting-down", seconds);
  });
}

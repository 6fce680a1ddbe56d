// silent: the server reaches its connected sockets through `io.sockets.sockets.forEach`, `Object.values(nsp.sockets)`, `Array.from(...)` and `for...of`, and each emit there is a site
export function announce(io, text) {
  io.sockets.sockets.forEach((socket) => socket.emit("news", text));
}

export function remind(io) {
  const admins = io.of("/admin");
  Object.values(admins.sockets).map((socket) => socket.emit("admin:reminder"));
  for (const socket of admins.sockets.values()) {
    socket.emit("admin:tick", Date.now());
  }
  Array.from(io.sockets.sockets.values())
    .filter((socket) => socket.data.away)
    .forEach((socket) => socket.emit("away:ping"));
}

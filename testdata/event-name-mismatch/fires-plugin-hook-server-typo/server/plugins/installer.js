"use strict";

const registry = require("./registry");

// Called by the host with its Socket.IO server; nothing here imports socket.io.
exports.socketio = (hookName, ctx) => {
  ctx.io.of("/installer").on("connection", (socket) => {
    socket.on("plugins:list", () => {
      socket.emit("plugins:listed", registry.installed());
    });
    socket.on("plugins:install", (name) => {
      registry.install(name);
      socket.emit("plugins:installed", name);
    });
  });
};

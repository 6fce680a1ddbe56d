// silent: a plugin hook receives the server from its host (`args.io`, `app.get("io")`) with no socket.io import; `.of(ns)` and `socket.join` say it is a Socket.IO server
"use strict";

const settings = require("./settings");

exports.socketio = (hookName, args) => {
  const admin = args.io.of("/admin");
  admin.on("connection", (socket) => {
    socket.on("settings:load", () => {
      socket.emit("settings:current", settings.read());
    });
    socket.on("settings:save", (next) => {
      settings.write(next);
      socket.emit("settings:saved");
    });
  });
};

exports.expressCreateServer = (hookName, { app }) => {
  const io = app.get("io");
  io.on("connection", (socket) => {
    socket.join("lobby");
    socket.on("lobby:hello", (name) => {
      io.to("lobby").emit("lobby:joined", name);
    });
  });
};

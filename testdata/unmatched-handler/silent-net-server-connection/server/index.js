"use strict";

const { Server } = require("socket.io");
const { track } = require("./metrics");
const http = require("http");

const httpServer = http.createServer();
track(httpServer);
const io = new Server(httpServer);
io.on("connection", (socket) => {
  socket.on("ping", () => socket.emit("pong"));
});
httpServer.listen(3000);

const path = require("path");
const express = require("express");
const { createServer } = require("http");
const { Server } = require("socket.io");

const app = express();
const httpServer = createServer(app);
const io = new Server(httpServer);

app.use(express.static(path.join(__dirname, "public")));

io.on("connection", (socket) => {
  socket.on("join room", (room) => {
    socket.join(room);
    socket.room = room;
    socket.to(room).emit("member joined", { id: socket.id });
  });

  socket.on("say", (text) => {
    io.to(socket.room).emit("said", { id: socket.id, text });
  });
});

httpServer.listen(3000);

import { Server } from "socket.io";

const io = new Server(3000);

io.use((socket, next) => {
  if (socket.handshake.auth.token === "dev") {
    next();
  } else {
    next(new Error("unauthorized"));
  }
});

io.on("connection", (socket) => {
  console.log(`connected: ${socket.id}`);

  socket.on("disconnecting", (reason) => {
    console.log(`${socket.id} leaving rooms ${[...socket.rooms].join(",")}: ${reason}`);
  });

  socket.on("disconnect", (reason) => {
    console.log(`disconnected: ${socket.id} (${reason})`);
  });

  socket.on("error", (err) => {
    console.error(err);
  });
});

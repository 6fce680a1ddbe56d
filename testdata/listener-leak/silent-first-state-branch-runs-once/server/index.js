const { Server } = require("socket.io");
const { watch } = require("fs");

const io = new Server(3000);
const devMode = process.env.NODE_ENV === "development";

io.on("connection", (socket) => {
  socket.on("pad:join", ({ padId }) => {
    socket.join(padId);
    socket.emit("pad:state", { type: "INIT", vars: { padId, devMode } });
  });
});

if (devMode) {
  watch("./static", () => io.emit("live:reload"));
}

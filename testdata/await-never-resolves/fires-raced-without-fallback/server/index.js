const { Server } = require("socket.io");
const { firstSatisfies } = require("./first");

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("mirror:pick", async (urls, callback) => {
    try {
      const url = await firstSatisfies(urls.map((u) => fetch(u).then(() => u)), Boolean);
      callback({ url });
    } catch (err) {
      callback({ error: String(err) });
    }
  });
});

const http = require("http");
const { Server } = require("socket.io");
const registerTodoHandlers = require("./handlers/todos");

const httpServer = http.createServer();
const io = new Server(httpServer, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  registerTodoHandlers(socket);
});

httpServer.listen(3000);

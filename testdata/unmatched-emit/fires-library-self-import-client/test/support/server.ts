import { Server } from "socket.io";

export function createServer(port: number): Server {
  const server = new Server(port);
  server.on("connection", (socket) => {
    socket.on("chat:send", (text: string) => socket.emit("chat:message", text));
  });
  return server;
}

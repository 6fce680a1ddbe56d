import type { Server } from "../..";
const { Server: Real } = require("../../dist");

export function admin(port: number): Server {
  const server = new Real(port);
  server.of("/admin").on("connection", (socket: any) => {
    socket.on("stats", (done: (count: number) => void) => done(server.engine.clientsCount));
  });
  return server;
}

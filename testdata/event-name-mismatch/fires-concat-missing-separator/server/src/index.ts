import { spawn, type ChildProcess } from "node:child_process";
import { Server } from "socket.io";

const io = new Server(3000);
let tunnel: ChildProcess | null = null;

io.on("connection", (socket) => {
  socket.emit("cloudflared_status", { running: tunnel !== null });

  socket.on("cloudflared_start", (token: string) => {
    if (tunnel) return;
    tunnel = spawn("cloudflared", ["tunnel", "run", "--token", token]);
    io.emit("cloudflared_status", { running: true });
  });

  socket.on("cloudflared_stop", () => {
    tunnel?.kill();
    tunnel = null;
    io.emit("cloudflared_status", { running: false });
  });
});

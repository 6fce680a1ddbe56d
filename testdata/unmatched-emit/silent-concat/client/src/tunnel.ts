// silent: names built from a const prefix: prefix + "stop" and `${prefix}start`
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");
const prefix = "cloudflared_";

export function startTunnel(token: string): void {
  socket.emit(`${prefix}start`, token);
}

export function stopTunnel(): void {
  socket.emit(prefix + "stop");
}

socket.on(prefix + "status", (status: { running: boolean }) => {
  document.title = status.running ? "Tunnel: up" : "Tunnel: down";
});

// fires: prefix has no "_", so `${prefix}start` is "cloudflaredstart"; the server handles "cloudflared_start"
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");
const prefix = "cloudflared";

export function startTunnel(token: string): void {
  socket.emit(`${prefix}start`, token);
}

export function stopTunnel(): void {
  socket.emit(prefix + "_stop");
}

socket.on(`${prefix}_status`, (status: { running: boolean }) => {
  document.title = status.running ? "Tunnel: up" : "Tunnel: down";
});

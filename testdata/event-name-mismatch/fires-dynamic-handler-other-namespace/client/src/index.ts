// fires: the computed-name handler is registered in namespace "/admin"; "report:sumbit" is emitted in "/", where only "report:submit" is handled
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");
const admin = io("http://localhost:3000/admin");

export function submit(report: string): void {
  socket.emit("report:sumbit", report);
}

export function audit(action: string): void {
  admin.emit("audit:log", action);
}

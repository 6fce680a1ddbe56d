import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function updateProfile(displayName: string): void {
  socket.emit("profile:update", { name: displayName }, (ok: boolean) => {
    console.log(ok ? "saved" : "rejected");
  });
}

export function report(payload: Record<string, string>): void {
  socket.emit("profile:report", { ...payload, at: Date.now() });
}

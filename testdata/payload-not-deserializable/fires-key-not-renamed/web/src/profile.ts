import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function updateProfile(displayName: string, avatarUrl: string): void {
  socket.emit("profile:update", { display_name: displayName, avatarUrl }, (ok: boolean) => {
    console.log(ok ? "saved" : "rejected");
  });
}

import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

export function addCard(id: string): void {
  io.emit("card:added", { id });
}

export function removeCard(id: string): void {
  io.emit("card:removed", { id });
}

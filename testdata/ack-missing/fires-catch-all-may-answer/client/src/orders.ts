import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function place(order: { sku: string }): void {
  socket.emit("order:place", order, (response: { ok: boolean }) => {
    console.log(response.ok ? "placed" : "refused");
  });
}

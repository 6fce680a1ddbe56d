import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.on("order:updated", (order: { id: string; status: string }) => {
  console.log(`order ${order.id} is ${order.status}`);
});

socket.on("order:shipped", (order: { id: string }) => {
  console.log(`order ${order.id} shipped`);
});

export function placeOrder(id: string, userId: string): void {
  socket.emit("order:place", { id, userId });
}

export function shipOrder(id: string, userId: string): void {
  socket.emit("order:ship", { id, userId });
}

import { io } from "socket.io-client";
import { EVENTS } from "../../shared/events";

const socket = io("http://localhost:3000");

export function placeOrder(sku: string): void {
  socket.emit(EVENTS.ORDER_PLACE, sku);
}

socket.on(EVENTS.ORDER_PLACED, (order: { id: string; sku: string }) => {
  console.log(`order ${order.id} placed`);
});

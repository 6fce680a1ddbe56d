import { io } from "socket.io-client";
import { EVENTS } from "../../shared/events";

const socket = io("http://localhost:3000");

export function cancelOrder(id: string): void {
  socket.emit(EVENTS.ORDER_CANCEL, id);
}

socket.on(EVENTS.ORDER_CANCELLED, (id: string) => {
  console.log(`order ${id} cancelled`);
});

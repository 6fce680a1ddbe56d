// fires: this client sets `ackTimeout` but not `retries`, so the fire-and-forget "order:cancel" carries no ack and the server's `callback(...)` throws
import { io } from "socket.io-client";

const socket = io("http://localhost:3000", {
  ackTimeout: 10000,
});

export function placeOrder(order) {
  socket.emit("order:place", order, (err, res) => {
    if (err) console.error("order not placed", err);
    else console.log("order", res.id);
  });
}

export function cancelOrder(id) {
  socket.emit("order:cancel", { id });
}

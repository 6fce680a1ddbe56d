// silent: a client created with `retries` adds its own ack to every emit, so an emit without a callback still gets the server's unconditional `callback(...)`
import { io } from "socket.io-client";

const socket = io("http://localhost:3000", {
  retries: 3,
  ackTimeout: 10000,
});

export function placeOrder(order) {
  socket.emit("order:place", order, (err, res) => {
    if (err) console.error("order not placed", err);
    else console.log("order", res.id);
  });
}

export function cancelOrder(id) {
  // Fire and forget: the client still waits for the server's ack to stop retrying.
  socket.emit("order:cancel", { id });
}

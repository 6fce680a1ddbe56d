// silent: `socket.timeout(ms).emit(..., (err, res) => ...)` with an error-first ack the handler calls
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function placeOrder(items: string[]): void {
  socket.timeout(5000).emit("order:place", items, (err: Error | null, res?: { id: string }) => {
    if (err) {
      console.error("the server did not answer in time", err);
      return;
    }
    console.log("order", res?.id);
  });
}

import { io } from "socket.io-client";

const socket = io("http://localhost:3000/orders");

export async function placeOrder(item: string) {
  return socket.timeout(5000).emitWithAck("orders:place", item);
}

export function cancelOrder(id: string, done: (reply: unknown) => void) {
  socket.timeout(5000).emit("orders:cancel", id, (err: Error | null, reply: unknown) => {
    done(err ? { ok: false } : reply);
  });
}

export function watchOrders() {
  socket.emit("orders:watch");
}

export async function ping(): Promise<unknown> {
  // Several payload arguments reach the handler as one array.
  return socket.timeout(1000).emitWithAck("orders:ping", 1, 2);
}

export function pingAndForget() {
  socket.emit("orders:ping", Date.now());
}

socket.on("orders:hello", ({ count }: { count: number }) => console.log("open orders", count));
socket.on("orders:placed", (order: { id: string }) => console.log("placed", order.id));

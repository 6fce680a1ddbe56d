// fires: the "order:place" handler takes no ack, but the catch-all of the same app may answer it, so the finding is info, not an error that hides nothing
import { Server } from "socket.io";

const io = new Server(3000);
const replies: Record<string, () => unknown> = { "order:place": () => ({ ok: true }) };

io.on("connection", (socket) => {
  socket.on("order:place", (order: { sku: string }) => {
    console.log("order", order.sku);
  });
  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = args[args.length - 1];
    if (typeof ack === "function") {
      ack(replies[event]?.());
    }
  });
});

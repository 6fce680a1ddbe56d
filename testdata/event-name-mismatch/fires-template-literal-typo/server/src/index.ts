import { Server } from "socket.io";

const io = new Server(3000);
const carts = new Map<string, string[]>();

io.on("connection", (socket) => {
  socket.on("cart:remove", (sku: string) => {
    const items = (carts.get(socket.id) ?? []).filter((s) => s !== sku);
    carts.set(socket.id, items);
    socket.emit("cart:updated", { items });
  });
});

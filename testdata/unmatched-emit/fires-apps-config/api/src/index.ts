import { Server } from "socket.io";

const io = new Server(3000);
const carts = new Map<string, number>();

io.on("connection", (socket) => {
  socket.on("cart:add", (item: { sku: string; quantity: number }) => {
    const count = (carts.get(socket.id) ?? 0) + item.quantity;
    carts.set(socket.id, count);
    socket.emit("cart:updated", count);
  });
});

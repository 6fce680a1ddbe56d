import { Server } from "socket.io";

const io = new Server(3000);
const carts = new Map<string, { sku: string; qty: number }[]>();

io.on(`connection`, (socket) => {
  carts.set(socket.id, []);
  socket.on(`cart:add`, (item: { sku: string; qty: number }) => {
    const items = [...(carts.get(socket.id) ?? []), item];
    carts.set(socket.id, items);
    socket.emit(`cart:updated`, { items });
  });
});

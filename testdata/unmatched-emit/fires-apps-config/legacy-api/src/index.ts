import { Server } from "socket.io";

const io = new Server(3001);

io.on("connection", (socket) => {
  socket.on("cart:add-item", (item: { sku: string; quantity: number }) => {
    console.log("legacy cart", item.sku, item.quantity);
  });
});

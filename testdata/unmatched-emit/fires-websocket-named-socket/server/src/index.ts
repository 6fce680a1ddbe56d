import { Server } from "socket.io";
import { watchPrices } from "./upstream";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("chat:say", (text: string) => io.emit("chat:message", text));
});

watchPrices((price) => io.emit("chat:message", `price: ${price}`));

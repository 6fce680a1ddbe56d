import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "http://localhost:5173" } });
let price = 100;

setInterval(() => {
  price += Math.round((Math.random() - 0.5) * 10);
  io.emit("price:update", price);
}, 1000);

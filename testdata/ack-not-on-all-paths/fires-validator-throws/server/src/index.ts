import { Server } from "socket.io";
import { registerItemHandlers } from "./handlers/items";

const io = new Server(3000, { cors: { origin: "*" } });
io.on("connection", (socket) => registerItemHandlers(socket));

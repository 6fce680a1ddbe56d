import { Server } from "socket.io";

export const io = new Server(3000, { cors: { origin: "*" } });

// fires: the catch-all dispatches every event to a table, so "analytics:view" counts as handled: the catch-all is reported, since a misspelt name would go unnoticed
import { Server } from "socket.io";

const io = new Server(3000);
const handlers: Record<string, (...args: unknown[]) => void> = {
  "analytics:view": (page) => console.log("view", page),
};

io.on("connection", (socket) => {
  socket.onAny((event: string, ...args: unknown[]) => {
    handlers[event]?.(...args);
  });
});

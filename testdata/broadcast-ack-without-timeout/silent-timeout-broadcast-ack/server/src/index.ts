// silent: the broadcast ack goes through io.timeout(5000), and the client handler always acks
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

setInterval(() => {
  io.timeout(5000).emit("presence:check", (err: Error | null, statuses: string[]) => {
    if (err) console.warn("some clients did not answer");
    console.log(`${statuses.filter((s) => s === "online").length} online`);
  });
}, 60_000);

// fires: io.emit with an ack callback and no .timeout(ms); the callback fires at once with a timeout error
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

setInterval(() => {
  io.emit("ping:all", (responses: number[]) => {
    console.log(`${responses.length} clients answered`);
  });
}, 30_000);

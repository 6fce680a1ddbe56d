// silent: EventEmitter, stream and process events sit next to socket.io traffic; only the socket counts
import { EventEmitter } from "events";
import { createReadStream } from "node:fs";
import { Server } from "socket.io";

const io = new Server(3000);
const bus = new EventEmitter();

io.on("connection", (socket) => {
  socket.on("import:start", (path: string) => {
    let lines = 0;
    const stream = createReadStream(path, "utf8");
    stream.on("data", (chunk) => {
      lines += String(chunk).split("\n").length - 1;
    });
    stream.on("end", () => {
      bus.emit("job:done", { path, lines });
      socket.emit("import:finished", lines);
    });
  });
});

process.on("SIGINT", () => {
  io.close();
  process.exit(0);
});

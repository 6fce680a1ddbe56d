// fires: this emit of "job:start" passes no ack, but the handler the server's map gives it (onStart) calls ack() unconditionally
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function startNightly() {
  socket.emit("job:start", { id: "nightly" });
}

// silent: only built-in and manager events are handled; none of them needs an emitter
import { io } from "socket.io-client";

export const socket = io("http://localhost:3000", { auth: { token: "dev" } });

let status: "online" | "offline" | "error" = "offline";

socket.on("connect", () => {
  status = "online";
});

socket.on("disconnect", (reason) => {
  status = "offline";
  if (reason === "io server disconnect") socket.connect();
});

socket.on("connect_error", (err) => {
  status = "error";
  console.warn(`connect failed: ${err.message}`);
});

socket.io.on("reconnect", (attempt) => {
  console.log(`reconnected after ${attempt} attempts`);
});

socket.io.on("reconnect_attempt", () => {
  console.log(`reconnecting (was ${status})`);
});

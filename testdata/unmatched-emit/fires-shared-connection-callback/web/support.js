import { io } from "socket.io-client";

const support = io("http://localhost:3000/support");

export function ask(text) {
  support.emit("chat:send", text);
}

support.on("chat:sent", (length) => console.log(`sent ${length} characters`));

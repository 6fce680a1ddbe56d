import { io } from "socket.io-client";

const support = io("http://localhost:3000/support");

export function ask(text) {
  support.emit("chat:send", text);
}

export function openTicket(subject) {
  support.emit("ticket:open", subject);
}

support.on("chat:sent", (length) => console.log(`sent ${length} characters`));
support.on("ticket:opened", ({ id }) => console.log(`ticket #${id} opened`));

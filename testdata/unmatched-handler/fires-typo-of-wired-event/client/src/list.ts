import { socket } from "./socket";

const messages = new Map<string, string>();

socket.on("message:deleted", (msg: { id: string }) => messages.delete(msg.id));
socket.emit("message:delete", { id: "1" });

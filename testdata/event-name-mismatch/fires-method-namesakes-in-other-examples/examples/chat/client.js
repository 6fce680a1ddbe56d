// fires: "chat:sned" is a typo of "chat:send"; every example has a `Handlers.register(socket)` method, and the namesakes in the other examples must not hide which one this example calls
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function send(text) {
  socket.emit("chat:sned", text);
}

socket.on("chat:update", (text) => console.log(text));

// fires: "user:ban" is emitted on the main "/" socket, but only namespace "/admin" handles it
import { adminSocket, socket } from "./sockets";

export function ban(userId: string): void {
  socket.emit("user:ban", userId);
}

adminSocket.on("user:banned", (userId: string) => {
  console.log(`banned ${userId}`);
});

socket.on("chat:message", (text: string) => console.log(text));

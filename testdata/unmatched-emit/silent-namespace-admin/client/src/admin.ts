import { adminSocket, socket } from "./sockets";

export function ban(userId: string): void {
  adminSocket.emit("user:ban", userId);
}

adminSocket.on("user:banned", (userId: string) => {
  console.log(`banned ${userId}`);
});

socket.on("chat:message", (text: string) => console.log(text));

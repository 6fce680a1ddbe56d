// silent: the client emits "typing" and shows others' typing; skipping the sender is intended
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");
const typingUsers = new Set<string>();

export function onKeyDown(): void {
  socket.emit("typing", { isTyping: true });
}

socket.on("typing", (data: { userId: string; isTyping: boolean }) => {
  if (data.isTyping) typingUsers.add(data.userId);
  else typingUsers.delete(data.userId);
});

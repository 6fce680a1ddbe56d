import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function joinRoom(room: string): void {
  socket.emit("room:join", room);
}

// Leaving just drops the connection; the client never emits "room:leave".
export function leaveRoom(): void {
  socket.disconnect();
}

socket.on("room:members", (members: string[]) => {
  console.log(members.join(", "));
});

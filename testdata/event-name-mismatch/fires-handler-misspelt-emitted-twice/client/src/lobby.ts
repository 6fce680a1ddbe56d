import { socket } from "./socket";

export function enterLobby(): void {
  socket.emit("room:join", "lobby");
}

export function enterRoom(room: string): void {
  socket.emit("room:join", room);
}

socket.on("room:joined", (room: string) => console.log(`joined ${room}`));

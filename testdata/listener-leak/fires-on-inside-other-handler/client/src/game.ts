import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function joinGame(gameId: string): void {
  socket.emit("game:join", gameId);
}

export function play(move: string): void {
  socket.emit("game:move", move);
}

socket.on("game:moved", (move: string) => {
  console.log(`opponent played ${move}`);
});

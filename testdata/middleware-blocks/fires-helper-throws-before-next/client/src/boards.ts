import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function listBoards(): Promise<string[]> {
  return new Promise((resolve) => {
    socket.timeout(5000).emit("board:list", (err: Error | null, boards: string[]) => {
      resolve(err ? [] : boards);
    });
  });
}

export function createBoard(name: string) {
  socket.emit("board:create", name);
}

socket.on("board:created", (name: string) => console.log("created", name));

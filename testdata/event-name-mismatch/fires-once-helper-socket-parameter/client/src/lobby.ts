import { io } from "socket.io-client";
import { nextEvent } from "./wait";

const socket = io("http://localhost:3000");

export async function joinGame(gameId: string): Promise<{ players: string[] }> {
  socket.emit("game:join", { gameId });
  return nextEvent<{ players: string[] }>(socket, "game:started");
}

// fires: since socket.io-client 3 the Socket never emits "reconnect" or "reconnect_failed"
import { socket } from "./socket";

let offline = false;

export function trackPresence(boardId: string) {
  socket.emit("board:join", boardId);
  socket.on("reconnect", () => {
    offline = false;
    socket.emit("board:join", boardId);
  });
  socket.once("reconnect_failed", () => {
    offline = true;
  });
  socket.on("disconnect", () => {
    offline = true;
  });
}

export const isOffline = () => offline;

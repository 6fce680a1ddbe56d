// silent: the reconnection events are listened for on the Manager, `socket.io`
import { socket } from "./socket";

let offline = false;

export function trackPresence(boardId: string) {
  socket.emit("board:join", boardId);
  socket.io.on("reconnect", () => {
    offline = false;
    socket.emit("board:join", boardId);
  });
  socket.io.once("reconnect_failed", () => {
    offline = true;
  });
  socket.on("disconnect", () => {
    offline = true;
  });
}

export const isOffline = () => offline;

// silent: each name of the list is emitted by the server
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

function refresh() {
  socket.emit("board:load");
}

["board:changed", "card:moved"].forEach((event) => socket.on(event, refresh));

export function moveCard(id: string, column: string) {
  socket.emit("card:move", { id, column });
}

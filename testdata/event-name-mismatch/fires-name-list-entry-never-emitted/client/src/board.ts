// fires: "card:moves" in this list of refresh events is never emitted (the server emits "card:moved")
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

const REFRESH_EVENTS = ["board:changed", "card:moves"];

function refresh() {
  socket.emit("board:load");
}

for (const event of REFRESH_EVENTS) {
  socket.on(event, refresh);
}

export function moveCard(id: string, column: string) {
  socket.emit("card:move", { id, column });
}

import { io } from "socket.io-client";
import { REFRESH_EVENTS } from "../shared/events";

const socket = io("http://localhost:3000");
let stale = true;

function refresh() {
  stale = true;
  socket.emit("inventory:load");
}

REFRESH_EVENTS.forEach((event) => socket.on(event, refresh));

export const isStale = () => stale;

// fires: the dashboard's lockfile resolved socket.io-client "latest" to 4.x, whose Socket never emits "reconnect"
import { io } from "socket.io-client";

const status = document.getElementById("status");
export const socket = io("http://localhost:8080");

socket.on("connect", () => socket.emit("kiosk:hello", "dashboard"));
socket.on("reconnect", () => {
  status.textContent = "back online";
});

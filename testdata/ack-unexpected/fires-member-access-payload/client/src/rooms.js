// fires: `ROOMS.lobby` is a member of a constant object (a string), not an ack, but the server calls ack() unconditionally
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

const ROOMS = { lobby: "lobby", support: "support" };

export function joinRoom(name, onMembers) {
  socket.emit("room:join", name, onMembers);
}

socket.on("connect", () => {
  const retries = 3;
  console.log(`connected, ${retries} retries left`);
  socket.emit("room:join", ROOMS.lobby);
});

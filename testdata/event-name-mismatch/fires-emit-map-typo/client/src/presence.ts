// fires: the key "presence:stauts" of this map of announcements is emitted but no server handler listens to it
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.on("presence:changed", (change: { id: string; status: string }) => {
  console.log(`${change.id} is ${change.status}`);
});

export function announce(room: string) {
  const announcements = {
    "presence:join": room,
    "presence:stauts": "online",
  };
  for (const [event, payload] of Object.entries(announcements)) {
    socket.emit(event, payload);
  }
}

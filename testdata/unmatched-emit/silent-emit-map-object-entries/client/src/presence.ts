// silent: every key of this map of announcements has a server handler
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.on("presence:changed", (change: { id: string; status: string }) => {
  console.log(`${change.id} is ${change.status}`);
});

export function announce(room: string) {
  const announcements = {
    "presence:join": room,
    "presence:status": "online",
  };
  for (const [event, payload] of Object.entries(announcements)) {
    socket.emit(event, payload);
  }
}

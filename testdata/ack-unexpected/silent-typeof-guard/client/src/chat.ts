import { socket } from "./socket";

export function sendMessage(room: string, text: string): void {
  socket.emit("message:create", { room, text }, (res: { id: string }) => {
    console.log(`saved as ${res.id}`);
  });
}

socket.on("message:added", (msg: { room: string; text: string }) => {
  console.log(`[${msg.room}] ${msg.text}`);
});

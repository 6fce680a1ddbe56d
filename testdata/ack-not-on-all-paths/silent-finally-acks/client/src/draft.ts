import { io } from "socket.io-client";

const socket = io("http://localhost:3000");
let saving = false;

export function saveDraft(text: string): void {
  saving = true;
  socket.emit("draft:save", { text }, () => {
    saving = false;
    console.log(`draft flushed, saving=${saving}`);
  });
}

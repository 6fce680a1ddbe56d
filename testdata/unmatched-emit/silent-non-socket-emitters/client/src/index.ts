import mitt from "mitt";
import { io } from "socket.io-client";

type UiEvents = { x: number; "panel:toggle": boolean };

const socket = io("http://localhost:3000");
const emitter = mitt<UiEvents>();

export function startImport(path: string): void {
  socket.emit("import:start", path);
}

socket.on("import:finished", (lines: number) => {
  emitter.emit("x", lines);
});

window.addEventListener("resize", () => {
  emitter.emit("panel:toggle", window.innerWidth > 800);
});

document.addEventListener("keydown", (e) => {
  if (e.key === "Escape") emitter.emit("panel:toggle", false);
});

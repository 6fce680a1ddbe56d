// fires: the client emits Events.Save ("doc:save") from two places, the server listens for "doc:saev": the handler is the side to rename
import { io } from "socket.io-client";
import { Events } from "../../shared/events";

const socket = io("http://localhost:3000");

export function save(text: string): void {
  socket.emit(Events.Save, text, (ok: boolean) => console.log(ok ? "saved" : "failed"));
}

export function autosave(text: string): void {
  socket.emit(Events.Save, text, (ok: boolean) => console.log(ok ? "autosaved" : "autosave failed"));
}

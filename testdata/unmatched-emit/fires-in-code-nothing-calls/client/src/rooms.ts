// fires: a leftover function emits "room:rename", which the server no longer handles, but nothing calls it: a warning "in code nothing calls", not an error
import { socket } from "./socket";

function renameRoomLegacy(id: string, name: string): void {
  socket.emit("room:rename", { id, name });
}

export function updateRoom(id: string, name: string): void {
  socket.emit("room:update", { id, name });
}

socket.on("room:updated", (room: { id: string; name: string }) => {
  console.log(`room ${room.id} is now ${room.name}`);
});

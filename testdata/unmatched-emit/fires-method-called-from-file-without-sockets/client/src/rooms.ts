// fires: the method that emits "room:rename" is called only from menu.ts, a file with no socket code of its own, so it is live code and the stale event stays an error
import { socket } from "./socket";

export const rooms = {
  rename(id: string, name: string): void {
    socket.emit("room:rename", { id, name });
  },

  update(id: string, name: string): void {
    socket.emit("room:update", { id, name });
  },
};

socket.on("room:updated", (room: { id: string; name: string }) => {
  console.log(`room ${room.id} is now ${room.name}`);
});

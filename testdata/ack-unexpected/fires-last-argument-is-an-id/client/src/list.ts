import { socket } from "./socket";

export function archiveWithFeedback(itemId: number) {
  socket.emit("item:archive", itemId, (res: { ok: boolean }) => {
    if (!res.ok) alert("could not archive");
  });
}

// silent: parseItem() reports invalid input instead of throwing, and JSON.stringify (a library call) is not assumed to throw
import type { Socket } from "socket.io";
import { parseItem, type NewItem } from "../validate";

const items: NewItem[] = [];

export function registerItemHandlers(socket: Socket) {
  socket.on("item:add", (payload: unknown, callback: (res: { ok: boolean; count: number }) => void) => {
    const item = parseItem(payload);
    if (typeof item === "string") {
      console.warn("rejected item", JSON.stringify(payload), item);
      callback({ ok: false, count: items.length });
      return;
    }
    items.push(item);
    callback({ ok: true, count: items.length });
  });
}

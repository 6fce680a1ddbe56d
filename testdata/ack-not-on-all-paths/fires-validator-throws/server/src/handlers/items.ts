// fires: parseItem() throws on invalid input before `callback` is called: the client waits for its ack forever
import type { Socket } from "socket.io";
import { parseItem, type NewItem } from "../validate";

const items: NewItem[] = [];

export function registerItemHandlers(socket: Socket) {
  socket.on("item:add", (payload: unknown, callback: (res: { ok: boolean; count: number }) => void) => {
    const item = parseItem(payload);
    items.push(item);
    callback({ ok: true, count: items.length });
  });
}

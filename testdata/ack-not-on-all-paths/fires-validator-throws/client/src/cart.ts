import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function addItem(title: string, quantity: number) {
  socket.emit("item:add", { title, quantity }, (res: { ok: boolean; count: number }) => {
    console.log(res.ok ? `${res.count} items` : "not added");
  });
}

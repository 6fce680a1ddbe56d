import { io } from "socket.io-client";

export interface Item {
  id: string;
  title: string;
}

const socket = io("http://localhost:3000");

export function loadItems(callback?: (items: Item[]) => void): void {
  socket.emit("items:list", callback);
}

// fires: [apps] puts storefront/ with api/, which handles "cart:add"; legacy-api/'s "cart:add-item" is another app and does not answer it
import { io } from "socket.io-client";

const socket = io("https://shop.example");

export function addToCart(sku: string, quantity: number): void {
  socket.emit("cart:add-item", { sku, quantity });
}

socket.on("cart:updated", (count: number) => {
  document.title = `Cart (${count})`;
});

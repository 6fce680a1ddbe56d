// silent: plain string literals, socket imported from another file
import { socket } from "./socket";

export function addToCart(sku: string, qty: number): void {
  socket.emit("cart:add", { sku, qty });
}

socket.on("cart:updated", (cart: { items: { sku: string; qty: number }[] }) => {
  console.log(`cart has ${cart.items.length} items`);
});

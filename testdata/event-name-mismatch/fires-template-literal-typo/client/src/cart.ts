// fires: client emits `cart:remvoe` (template literal), server handles "cart:remove"
import { socket } from "./socket";

export function removeFromCart(sku: string): void {
  socket.emit(`cart:remvoe`, sku);
}

socket.on(`cart:updated`, (cart: { items: string[] }) => {
  console.log(`cart has ${cart.items.length} items`);
});

// fires: `loadItems()` is called without the callback it passes along as the ack, and the handler calls its ack unconditionally
import { loadItems } from "./api";

export function onFocus(): void {
  // Warm the server-side cache; the answer is not needed here.
  loadItems();
}

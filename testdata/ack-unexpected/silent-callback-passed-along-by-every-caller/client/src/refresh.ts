// silent: every caller of `loadItems` passes the callback it hands on as the ack
import { loadItems } from "./api";

export function onFocus(): void {
  loadItems((items) => console.log(`${items.length} items`));
}

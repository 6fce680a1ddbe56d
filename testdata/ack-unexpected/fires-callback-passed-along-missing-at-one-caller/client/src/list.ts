import { loadItems, type Item } from "./api";

function render(items: Item[]): void {
  console.log(items.map((item) => item.title).join("\n"));
}

export function showList(): void {
  loadItems((items) => render(items));
}

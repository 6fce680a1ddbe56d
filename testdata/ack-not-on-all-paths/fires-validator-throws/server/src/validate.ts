export type NewItem = { title: string; quantity: number };

export function parseItem(input: unknown): NewItem {
  const item = input as Partial<NewItem> | null;
  if (!item || typeof item.title !== "string" || item.title.trim() === "") {
    throw new TypeError("title is required");
  }
  const quantity = Number(item.quantity ?? 1);
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw new RangeError("quantity must be a positive integer");
  }
  return { title: item.title.trim(), quantity };
}

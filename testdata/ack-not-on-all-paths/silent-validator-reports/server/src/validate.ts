export type NewItem = { title: string; quantity: number };

/** The item, or why the input is not one: never throws. */
export function parseItem(input: unknown): NewItem | string {
  const item = input as Partial<NewItem> | null;
  if (!item || typeof item.title !== "string" || item.title.trim() === "") {
    return "title is required";
  }
  const quantity = Number(item.quantity ?? 1);
  if (!Number.isInteger(quantity) || quantity < 1) {
    return "quantity must be a positive integer";
  }
  return { title: item.title.trim(), quantity };
}

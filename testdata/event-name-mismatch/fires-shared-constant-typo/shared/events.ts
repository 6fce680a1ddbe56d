export const Events = {
  Save: "doc:save",
} as const;

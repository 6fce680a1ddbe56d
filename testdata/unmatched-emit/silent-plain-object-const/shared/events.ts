// silent: event names from a plain (not `as const`) object that is never reassigned
export const EVENTS = {
  ORDER_PLACE: "order:place",
  ORDER_PLACED: "order:placed",
};

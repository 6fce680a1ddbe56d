// silent: event names from an `as const` object, read as Events.X and Events["X"]
export const Events = {
  MessageNew: "message:new",
  MessageAdded: "message:added",
} as const;

export type EventName = (typeof Events)[keyof typeof Events];

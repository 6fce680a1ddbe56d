// Event names shared by a few call sites; the older ones still use string literals.
export const Events = {
  MessageDelete: "message:delete",
  MessageDeleted: "message:deleted",
  ConversationJoin: "conversation:join",
} as const;

export type EventName = (typeof Events)[keyof typeof Events];

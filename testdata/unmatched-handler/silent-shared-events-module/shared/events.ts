export const Events = {
  Say: "chat:say",
  Message: "chat:message",
} as const;

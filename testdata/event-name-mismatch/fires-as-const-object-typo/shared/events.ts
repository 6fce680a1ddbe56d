// fires: Events.MessageDelete is "mesage:delete" (typo); the server handles "message:delete"
export const Events = {
  MessageDelete: "mesage:delete",
  MessageRemoved: "message:removed",
} as const;

export const CHAT_SEND = "chat:send";
export const CHAT_MESSAGE = "chat:message";
export const STATUS = "chat:status";

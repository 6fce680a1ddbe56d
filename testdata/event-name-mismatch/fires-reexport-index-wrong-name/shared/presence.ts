export const STATUS = "presence:status";

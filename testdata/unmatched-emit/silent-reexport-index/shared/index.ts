// silent: names reach both sides through `export *` and `export { X as Y } from`
export * from "./chat";
export { STATUS as PRESENCE_STATUS } from "./presence";

export * from "./chat";
export { STATUS as PRESENCE_STATUS } from "./presence";

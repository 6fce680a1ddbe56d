// silent: both sides import the event names from these constants
export const MESSAGE_NEW = "message:new";
export const MESSAGE_ADDED = "message:added";

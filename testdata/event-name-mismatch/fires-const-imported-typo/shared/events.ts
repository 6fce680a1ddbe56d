// fires: MESSAGE_EDIT holds "message:eidt"; the client emits it, the server handles "message:edit"
export const MESSAGE_EDIT = "message:eidt";
export const MESSAGE_CHANGED = "message:changed";

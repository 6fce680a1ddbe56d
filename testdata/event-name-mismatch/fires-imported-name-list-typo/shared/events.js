// fires: "inventory:restocked" in the shared list of refresh events is never emitted (the server sends "inventory:restock")
export const REFRESH_EVENTS = ["inventory:changed", "inventory:restocked", "prices:changed"];

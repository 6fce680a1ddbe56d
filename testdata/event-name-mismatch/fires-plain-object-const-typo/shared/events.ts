// fires: EVENTS.ORDER_CANCEL is "order:cancle"; the server handles "order:cancel"
export const EVENTS = {
  ORDER_CANCEL: "order:cancle",
  ORDER_CANCELLED: "order:cancelled",
};

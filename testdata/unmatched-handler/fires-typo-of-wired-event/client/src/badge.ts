// fires: the badge listens for "message:delted", a typo of the event the list already handles
import { socket } from "./socket";

let unread = 0;

socket.on("message:delted", () => {
  unread = Math.max(0, unread - 1);
});

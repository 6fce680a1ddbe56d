import { socket } from "./socket";

let unseen = 0;
socket.on("todo:created", () => {
  unseen += 1;
  document.title = `(${unseen}) Todos`;
});

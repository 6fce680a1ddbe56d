// fires: the listener passed to onMessage is the "message:new" handler, and it never calls the ack the server waits for
import { onMessage } from "../realtime/messages";
import { sendMessage } from "../realtime/socket";

const list = document.getElementById("messages");

onMessage((message) => {
  const item = document.createElement("li");
  item.textContent = `${message.from}: ${message.text}`;
  list.append(item);
});

document.getElementById("send").addEventListener("click", () => {
  sendMessage(document.getElementById("text").value);
});

// silent: the listener passed to onMessage is the "message:new" handler, and it confirms every message
import { onMessage } from "../realtime/messages";
import { sendMessage } from "../realtime/socket";

const list = document.getElementById("messages");

onMessage((message, confirm) => {
  const item = document.createElement("li");
  item.textContent = `${message.from}: ${message.text}`;
  list.append(item);
  confirm();
});

document.getElementById("send").addEventListener("click", () => {
  sendMessage(document.getElementById("text").value);
});

// A small debug console: the operator types an event name and a JSON payload.
import { send, socket } from "./socket";

const form = document.querySelector<HTMLFormElement>("#debug-form")!;
const output = document.querySelector<HTMLPreElement>("#debug-output")!;

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const data = new FormData(form);
  send(String(data.get("event")), JSON.parse(String(data.get("payload") ?? "null")));
});

socket.on("debug:result", (result: unknown) => {
  output.textContent = JSON.stringify(result, null, 2);
});

// silent: every call of `sendChat`, a wrapper of the `send` wrapper, names an event the server handles
import { sendChat } from "./chat";

export function submit(text: string): void {
  sendChat("chat:message", text);
}

export function typing(): void {
  sendChat("chat:typing", "");
}

// fires: `sendChat` (a wrapper of the `send` wrapper) is called with "chat:mesage", the server handles "chat:message"
import { sendChat } from "./chat";

export function submit(text: string): void {
  sendChat("chat:mesage", text);
}

export function typing(): void {
  sendChat("chat:typing", "");
}

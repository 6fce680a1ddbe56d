import { send } from "./socket";

/** Chat events carry the text and the time it was typed. */
export function sendChat(event: string, text: string): void {
  send(event, { text, at: Date.now() });
}

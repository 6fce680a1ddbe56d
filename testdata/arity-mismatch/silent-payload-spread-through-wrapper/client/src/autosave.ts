// silent: every call of `fileCommand` spreads one payload and the ack, as the handler expects
import { fileCommand } from "./socket";

export function autosave(dir: string, name: string, text: string): void {
  fileCommand({ path: `${dir}/${name}`, text, auto: true }, (ok: boolean) => console.log("autosaved", ok));
}

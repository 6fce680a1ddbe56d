// fires: the payload spread through `fileCommand` is two arguments here, the handler takes one before its ack
import { fileCommand } from "./socket";

export function autosave(dir: string, name: string, text: string): void {
  fileCommand(`${dir}/${name}`, { text }, (ok: boolean) => console.log("autosaved", ok));
}

import { fileCommand } from "./socket";

export function save(dir: string, name: string, text: string): void {
  fileCommand({ path: `${dir}/${name}`, text }, (ok: boolean) => console.log("saved", ok));
}

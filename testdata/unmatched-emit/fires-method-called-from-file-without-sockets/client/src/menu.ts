import { rooms } from "./rooms";

export function onRenameClicked(id: string, input: HTMLInputElement): void {
  rooms.rename(id, input.value);
}

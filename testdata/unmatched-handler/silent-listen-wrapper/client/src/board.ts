// silent: the `listen` wrapper registers handlers for events the server emits
import { listen } from "./socket";

const stop = [
  listen<{ id: string }>("card:added", (card) => console.log("added", card.id)),
  listen<{ id: string }>("card:removed", (card) => console.log("removed", card.id)),
];

export function closeBoard(): void {
  stop.forEach((fn) => fn());
}

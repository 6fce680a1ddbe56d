// fires: the `listen` wrapper registers "card:remove", the server emits "card:removed"
import { listen } from "./socket";

const stop = [
  listen<{ id: string }>("card:added", (card) => console.log("added", card.id)),
  listen<{ id: string }>("card:remove", (card) => console.log("removed", card.id)),
];

export function closeBoard(): void {
  stop.forEach((fn) => fn());
}

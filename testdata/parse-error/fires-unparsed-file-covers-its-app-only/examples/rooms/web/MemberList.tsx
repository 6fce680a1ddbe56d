// fires: this file does not parse; the names it may use ("room:members") keep its own app's server emit quiet, but not the lobby example's
import { socket } from "./socket";

export function MemberList() {
  socket.on("room:members", (members: string[]) => render(members));
  return (<ul>{members.map((m) => <li>{m}</li>)</ul>;
}

// silent: a load script drives many clients kept in arrays (`[io(), io()]`, `push(io())`, `Array.from(..., () => io())`, `Socket[]`) and emits through `clients[i]`, `for...of` and `forEach`
import { io, type Socket } from "socket.io-client";

const URL = "http://localhost:3000";

const pair = [io(URL), io(URL)];
pair[0].emit("room:join", "a");
pair[1].emit("room:leave", "a");

const crowd = Array.from({ length: 20 }, () => io(URL, { forceNew: true }));
crowd.forEach((client) => client.on("pong", (id: string) => console.log(id)));
crowd[crowd.length - 1].emit("ping:all");

const late = [];
for (let i = 0; i < 5; i++) {
  late.push(io(URL, { forceNew: true }));
}
for (const client of late) {
  client.emit("stats");
  client.on("stats", (count: number) => console.log(count));
}

export function kickFirst(clients: Socket[]) {
  const first = clients[0];
  first.emit("kick", clients[1].id);
}

// fires: the third client of the array emits "jion", which no server handler listens for
import { io } from "socket.io-client";

const clients = [io("http://localhost:3000"), io("http://localhost:3000")];
clients.push(io("http://localhost:3000"));

for (const client of clients) {
  client.on("joined", (id: string) => console.log(id));
}
clients[0].emit("join", "bench");
clients[1].emit("join", "bench");
clients[2].emit("jion", "bench");

// silent: the socket the "connect" listener registers on is opened inside that listener, so each connection gets a fresh socket with one listener
import { io } from "socket.io-client";

const main = io("http://localhost:3000");

main.on("connect", () => {
  const lobby = io("http://localhost:3000", { forceNew: true });
  lobby.on("lobby:count", (count: number) => {
    console.log(count, "players");
    lobby.emit("lobby:leave");
  });
});

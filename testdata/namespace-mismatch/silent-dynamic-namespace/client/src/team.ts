// silent: the client's "/team-42" matches the server's dynamic namespace /^\/team-\d+$/
import { io } from "socket.io-client";

const teamSocket = io("http://localhost:3000/team-42");

export function postUpdate(text: string): void {
  teamSocket.emit("update:post", text);
}

teamSocket.on("update:posted", (update: { author: string; text: string }) => {
  console.log(`${update.author}: ${update.text}`);
});

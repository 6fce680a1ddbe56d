// silent: the executor resolves from a listener registered in each pass of a `for…of` loop; only an empty list would skip it
import { io, Socket } from "socket.io-client";

const control = io("http://localhost:3000");

export async function pingAll(urls: string[]): Promise<string[]> {
  const sockets: Socket[] = urls.map((url) => io(url));
  const pongs: string[] = [];
  const allAnswered = new Promise((resolve) => {
    for (const socket of sockets) {
      socket.once("pong", (id: string) => {
        pongs.push(id);
        if (pongs.length === sockets.length) resolve(pongs);
      });
    }
  });
  control.emit("ping:all");
  await allAnswered;
  return pongs;
}

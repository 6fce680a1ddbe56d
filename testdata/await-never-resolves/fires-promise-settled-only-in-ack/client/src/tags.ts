// fires: the promise settles only in the ack callback, which socket.io-client never calls when the handler skips the ack (not even on disconnect)
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function addTag(name: string): Promise<{ id: number }> {
  return new Promise((resolve) => {
    socket.emit("tag:add", name, resolve);
  });
}

export async function addAll(names: string[]) {
  for (const name of names) {
    const { id } = await addTag(name);
    console.log("tag", name, "is", id);
  }
}

// fires: when the server answers { ok: false } the executor's ack calls neither resolve nor reject
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

type RoomResult = { ok: boolean; id: string };

export function createRoom(name: string): Promise<RoomResult> {
  return new Promise((resolve, reject) => {
    socket.emit("room:create", name, (res: RoomResult) => {
      if (res.ok) resolve(res);
    });
  });
}

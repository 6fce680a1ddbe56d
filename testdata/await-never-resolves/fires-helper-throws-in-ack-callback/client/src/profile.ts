// fires: decodeProfile() throws inside the ack callback, after the executor has returned: nothing settles the promise and the caller waits forever
import { io } from "socket.io-client";
import { decodeProfile, type Profile } from "./decode";

const socket = io("http://localhost:3000");

export function fetchProfile(id: string): Promise<Profile> {
  return new Promise((resolve, reject) => {
    socket.timeout(5000).emit("profile:get", id, (err: Error | null, raw: unknown) => {
      if (err) {
        reject(err);
        return;
      }
      const profile = decodeProfile(raw);
      resolve(profile);
    });
  });
}

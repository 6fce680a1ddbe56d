// silent: normaliseId() throws in the executor itself, which rejects the promise: nothing is left pending
import { io } from "socket.io-client";
import { normaliseId } from "./ids";

const socket = io("http://localhost:3000");

export function fetchProfile(rawId: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const id = normaliseId(rawId);
    socket.timeout(5000).emit("profile:get", id, (err: Error | null, profile: unknown) => {
      if (err) {
        reject(err);
      } else {
        resolve(profile);
      }
    });
  });
}

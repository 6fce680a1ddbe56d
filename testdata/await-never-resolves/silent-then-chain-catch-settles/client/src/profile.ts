// silent: a rejection inside the async `.then` reaction reaches the `.catch(reject)` of the same chain
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

type Profile = { id: string; name: string };

async function cacheProfile(profile: Profile): Promise<void> {
  localStorage.setItem(profile.id, JSON.stringify(profile));
}

export function loadProfile(id: string): Promise<Profile> {
  return new Promise((resolve, reject) => {
    socket
      .timeout(5000)
      .emitWithAck("profile:get", id)
      .then(async (profile: Profile) => {
        await cacheProfile(profile);
        resolve(profile);
      })
      .catch(reject);
  });
}

// fires: if caching the profile rejects, nothing in the chain settles the promise, so `loadProfile` never returns
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

type Profile = { id: string; name: string };

async function cacheProfile(profile: Profile): Promise<void> {
  localStorage.setItem(profile.id, JSON.stringify(profile));
}

export function loadProfile(id: string): Promise<Profile> {
  return new Promise((resolve) => {
    socket
      .timeout(5000)
      .emitWithAck("profile:get", id)
      .then(async (profile: Profile) => {
        await cacheProfile(profile);
        resolve(profile);
      });
  });
}

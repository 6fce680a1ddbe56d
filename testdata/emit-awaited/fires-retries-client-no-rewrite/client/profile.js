// fires: `await socket.emit(...)` waits for nothing; with `retries` the callback is error-first (its first argument is the error), so rewriting it as `emitWithAck(...).then(callback)` would change what it receives: no rewrite is offered
import { io } from "socket.io-client";

const socket = io("http://localhost:3000", { retries: 2 });

export async function saveProfile(profile) {
  await socket.emit("profile:save", profile, (err) => {
    if (err) console.error("not saved", err);
  });
  console.log("done");
}

import type { Socket } from "socket.io-client";

/** Resolves with the payload of the next `event` on `socket`. */
export function nextEvent<T>(socket: Socket, event: string): Promise<T> {
  return new Promise((resolve) => {
    socket.once(event, resolve);
  });
}

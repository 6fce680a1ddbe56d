import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

/** Registers a listener and returns the function that removes it. */
export function listen<T>(event: string, handler: (payload: T) => void): () => void {
  socket.on(event, handler);
  return () => {
    socket.off(event, handler);
  };
}

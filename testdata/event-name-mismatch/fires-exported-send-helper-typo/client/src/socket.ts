import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

/** Every emit of the app goes through here, so that calls can be logged in one place. */
export const send = (event: string, payload: unknown, ack?: (reply: unknown) => void) => {
  console.debug("->", event, payload);
  socket.emit(event, payload, ack);
};

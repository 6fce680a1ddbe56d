import { io, Socket } from "socket.io-client";

const API_URL: string = import.meta.env.VITE_API_URL ?? "http://localhost:3000";

// One connection for the whole app, opened by <App /> once the user is known.
export const socket: Socket = io(API_URL, {
  autoConnect: false,
  auth: (cb) => cb({ token: localStorage.getItem("chatlite:token") }),
});

import { io, type Socket } from "socket.io-client";

let socket: Socket | undefined;

export function getSocket(): Socket {
  if (!socket) {
    socket = io("http://localhost:3000", { autoConnect: false });
  }
  return socket;
}

export function useSocket(): Socket {
  return getSocket();
}

// fires: the client connects to namespace "/admin" but the server only defines "/"
import { io } from "socket.io-client";

export const socket = io("http://localhost:3000");
export const adminSocket = io("http://localhost:3000/admin");

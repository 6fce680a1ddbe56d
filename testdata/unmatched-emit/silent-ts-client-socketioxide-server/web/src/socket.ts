// silent: a TS client and a socketioxide server (events from a Rust `mod events`, a second namespace, rooms, acks on every path)
import { io } from "socket.io-client";

export const socket = io("http://localhost:3000");
export const admin = io("http://localhost:3000/admin");

import { io } from "socket.io-client";

const url = import.meta.env.VITE_API_URL ?? "http://localhost:3000";
const auth = { token: localStorage.getItem("token") ?? "" };

export const socket = io(url, { auth });
export const adminSocket = io(`${url}/admin`, { auth });

import { io } from "socket.io-client";

const socket = io("http://localhost:3005");

export function logout() {
    socket.emit("logout", (res) => console.log(res.ok));
}

import { io } from "socket.io-client";

const socket = io("http://localhost:3004");

export function upload(proxies) {
    socket.emit("uploadBackup", proxies, "skip", (res) => console.log(res.ok));
}

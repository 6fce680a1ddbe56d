import { io } from "socket.io-client";

const socket = io();

export function addMaintenance(title, onDone) {
    socket.emit("addMaintenance", { title }, (res) => {
        onDone(res.ok ? res.slug : res.msg);
    });
}

import { io } from "socket.io-client";

const socket = io("/", { transports: ["websocket"] });

export function loadMfaStatus(render) {
    socket.emit("mfaStatus", (res) => {
        render(res.ok ? res.enabled : null);
    });
}

import { io } from "socket.io-client";

const socket = io("/admin/updates");

socket.on("connect", () => {
    socket.emit("listInstalled");
    socket.emit("checkForUpdates");
});

socket.on("results:installed", ({ installed }) => {
    document.querySelector("#installed").textContent = installed.map((p) => p.name).join(", ");
});

socket.on("results:updatable", ({ updatable }) => {
    document.querySelector("#updatable").textContent = updatable.map((p) => p.name).join(", ");
});

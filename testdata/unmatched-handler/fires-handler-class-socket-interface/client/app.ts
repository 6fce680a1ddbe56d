import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function signIn(id: number) {
    socket.emit("signIn", { id }, (res: { ok: boolean }) => console.log(res.ok));
}

export function signOut() {
    socket.emit("signOut");
}

export function openBoard(boardId: string) {
    socket.emit("openBoard", boardId);
}

export function loadSettings() {
    socket.emit("getSettings", (settings: { theme: string }) => console.log(settings.theme));
}

export function requestStats() {
    socket.emit("requestStats");
}

socket.on("stats", (stats: { users: number }) => console.log(stats.users));
socket.on("signedOut", () => console.log("signed out"));
socket.on("boardOpened", (boardId: string) => console.log(boardId));

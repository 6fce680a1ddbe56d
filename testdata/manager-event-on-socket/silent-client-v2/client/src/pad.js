// silent: the app serves socket.io 2.x, whose client Socket emits the reconnection events itself
/* global io */
const socket = io("/pad", { reconnectionAttempts: 10 });

socket.on("connect", () => socket.emit("pad:join", { padId: "welcome" }));
socket.on("reconnect", () => socket.emit("pad:join", { padId: "welcome" }));
socket.on("reconnecting", (attempt) => console.log("reconnecting", attempt));
socket.on("reconnect_failed", () => console.log("gave up"));

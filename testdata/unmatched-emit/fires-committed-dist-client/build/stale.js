// an old build git ignores: skipped, although it emits an event no server handles
const socket = io();
socket.emit("ignored:by:git");

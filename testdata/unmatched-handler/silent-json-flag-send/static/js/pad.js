const socket = io.connect("/", { reconnect: true });

socket.on("connect", () => {
  socket.json.send({ type: "CLIENT_READY", padId: "demo" });
});

socket.on("message", (message) => {
  if (message.type === "CLIENT_VARS") {
    document.title = message.padId;
  }
});

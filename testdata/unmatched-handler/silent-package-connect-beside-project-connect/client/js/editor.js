const connection = require("./connection");

let socket;
let state = "connecting";

const setState = (next) => {
  state = next;
  document.body.dataset.connection = state;
};

const sendClientReady = (noteId) => {
  socket.emit("note:open", { noteId });
};

export const start = (noteId) => {
  socket = connection.connect(window.location.href, "/", { reconnectionAttempts: 10 });
  socket.once("connect", () => sendClientReady(noteId));
  socket.io.on("reconnect", () => {
    setState("connected");
    sendClientReady(noteId);
  });
  socket.io.on("reconnect_attempt", () => setState("reconnecting"));
  socket.io.on("reconnect_failed", () => setState("offline"));
  socket.on("note:content", (content) => {
    document.querySelector("#note").textContent = content;
  });
};

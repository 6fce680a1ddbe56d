// fires: the socket comes from `connection.connect(...)`, a socket.io-client 4 Socket, which never emits "reconnect", "reconnecting" or "reconnect_failed"
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
  socket.on("reconnect", () => {
    setState("connected");
    sendClientReady(noteId);
  });
  socket.on("reconnecting", () => setState("reconnecting"));
  socket.on("reconnect_failed", () => setState("offline"));
  socket.on("note:content", (content) => {
    document.querySelector("#note").textContent = content;
  });
};

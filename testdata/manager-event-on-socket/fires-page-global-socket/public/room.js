// fires: the v4 client served at /socket.io/socket.io.js: a Socket never emits "reconnect" or "reconnect_error", so the room is never joined again
const socket = io();
const room = new URLSearchParams(location.search).get("room") || "lobby";

const log = (line) => {
  const item = document.createElement("li");
  item.textContent = line;
  document.querySelector("#log").append(item);
};

socket.emit("join room", room);

document.querySelector("#text").addEventListener("change", (event) => {
  socket.emit("say", event.target.value);
  event.target.value = "";
});

socket.on("member joined", ({ id }) => log(`${id} joined`));
socket.on("said", ({ id, text }) => log(`${id}: ${text}`));

socket.on("disconnect", () => log("you have been disconnected"));

socket.on("reconnect", () => {
  log("you have been reconnected");
  socket.emit("join room", room);
});

socket.on("reconnect_error", () => log("attempt to reconnect has failed"));

// fires: no package.json names a version, so the client is a current one, where "reconnecting" no longer exists and "ping" is the Manager's
const { io } = require("socket.io-client");

const socket = io("/");
const banner = { text: "" };

socket.on("reconnecting", (attempt) => {
  banner.text = `Reconnecting (attempt ${attempt})...`;
});
socket.on("ping", () => {
  banner.text = "";
});
socket.on("connect", () => {
  banner.text = "";
  socket.emit("status:get");
});
socket.on("status", ({ up }) => {
  banner.text = up ? "" : "The server is down for maintenance";
});

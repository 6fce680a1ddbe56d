import { io } from "socket.io-client";

export const socket = io("/");

socket.on("message", (message) => {
  if (message.type === "NEW_CHANGES") {
    window.dispatchEvent(new CustomEvent("changes", { detail: message.changeset }));
  }
});

// Reading the history needs no answer; sending a changeset waits for one.
export const requestHistory = (rev) => socket.emit("message", { type: "HISTORY", rev });

export const sendChangeset = (changeset, done) =>
  socket.emit("message", { type: "CHANGESET", changeset }, (err, value) => done(err, value));

// fires: the flag is cleared on disconnect, so each reconnection's first state message registers "live:reload" again
import { io } from "socket.io-client";

const socket = io("/", { transports: ["websocket"] });
let ready = false;

export const open = (padId) => {
  socket.emit("pad:join", { padId });

  socket.on("disconnect", () => {
    ready = false;
  });

  socket.on("pad:state", (msg) => {
    if (msg.denied) {
      document.body.classList.add("denied");
    } else if (!ready && msg.type === "INIT") {
      ready = true;
      window.padVars = msg.vars;
      if (msg.vars.devMode) {
        socket.on("live:reload", () => location.reload());
      }
    } else {
      window.dispatchEvent(new CustomEvent("pad:changes", { detail: msg.changes }));
    }
  });
};

// silent: "live:reload" is registered in the branch that handles the first state message only: `ready` is set there and never cleared
import { io } from "socket.io-client";

const socket = io("/", { transports: ["websocket"] });
let ready = false;

export const open = (padId) => {
  socket.emit("pad:join", { padId });

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

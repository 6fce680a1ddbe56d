import { io } from "socket.io-client";

const admin = io("/admin");
admin.on("settings:current", (settings) => render(settings));
admin.on("settings:saved", () => render(null));
admin.emit("settings:load");

export function save(settings) {
  admin.emit("settings:save", settings);
}

function render(settings) {
  console.log(settings);
}

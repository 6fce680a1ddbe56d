// fires: the admin page asks the plugin hook's namespace for "plugins:lst", but the hook listens for "plugins:list"
import { io } from "socket.io-client";

const socket = io("/installer");
socket.on("plugins:listed", (list) => console.log(list));
socket.on("plugins:installed", (name) => console.log("installed", name));
socket.emit("plugins:lst");

export const install = (name) => socket.emit("plugins:install", name);

// fires: this example's server serves only "/"; "/admin" is defined by the admin-panel example's server, which this client never connects to
import { io } from "socket.io-client";

const socket = io("http://localhost:3000/admin");

socket.on("stats", (stats) => console.log(stats));

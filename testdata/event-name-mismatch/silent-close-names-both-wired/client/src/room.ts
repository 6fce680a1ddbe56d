// silent: "room:join" and "room:joined" are close names, but each is wired to its own handler
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.emit("room:join", "general");
socket.on("room:joined", (room: string) => console.log(`joined ${room}`));

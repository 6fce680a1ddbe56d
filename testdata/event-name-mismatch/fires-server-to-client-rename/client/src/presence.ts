// fires: the server emits "user:joined" to clients that listen for "user:connected": a rename made on one side only
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.on("user:connected", (name: string) => console.log(`${name} is here`));
socket.emit("hello", "ada");

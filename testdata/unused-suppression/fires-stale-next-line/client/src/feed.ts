import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.on("chat:broadcast", (text: string) => console.log(text));

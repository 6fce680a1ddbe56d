import { io } from "socket.io-client";

const feed = io("http://localhost:3000");

feed.on("chat:message", (message: { text: string }) => console.log(message.text));
feed.on("chat:typing", () => console.log("someone is typing"));

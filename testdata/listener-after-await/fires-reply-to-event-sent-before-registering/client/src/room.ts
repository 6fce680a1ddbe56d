import { io } from "socket.io-client";

const socket = io("http://localhost:3000", { auth: { token: "ann-token" } });

socket.on("welcome", (name: string) => {
  console.log("signed in as", name);
  socket.emit("room:join", "general");
});

socket.on("room:joined", (name: string) => console.log(name, "joined"));

import { io } from "socket.io-client";

const socket = io("http://localhost:3001");

socket.on("todo:created", (todo: { title: string }) => {
  console.log("audit: created", todo.title);
});

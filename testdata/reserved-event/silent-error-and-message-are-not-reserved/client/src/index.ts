// silent: "message" and "error" are ordinary event names for emit (only connect/disconnect/... are reserved)
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function say(text: string): void {
  socket.emit("message", text);
}

socket.on("message", (text: string) => console.log(text));

socket.on("error", (problem: { code: string }) => {
  console.warn(`server refused: ${problem.code}`);
});

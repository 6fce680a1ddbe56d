import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.emit("room:join", "team");

export function startPoll(question: string): void {
  socket.emit("poll:start", "team", question);
}

socket.on("poll:question", (question: string, callback: (answer: string) => void) => {
  callback(question.endsWith("?") ? "yes" : "skip");
});

import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function addTodo(title: string): Promise<{ id: number }> {
  return socket.timeout(5000).emitWithAck("todo:add", { title });
}

socket.on("todo:added", (todo: { id: number; title: string }) => {
  console.log(`#${todo.id} ${todo.title}`);
});

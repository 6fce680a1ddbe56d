// fires: TASK_CLOSE (via "@shared/events", a tsconfig path) is "task:clsoe"; the server handles "task:close"
import { io } from "socket.io-client";
import { TASK_ASSIGN, TASK_ASSIGNED, TASK_CLOSE } from "@shared/events";

const socket = io("http://localhost:3000");

export function assign(id: string, assignee: string): void {
  socket.emit(TASK_ASSIGN, { id, assignee });
}

export function close(id: string): void {
  socket.emit(TASK_CLOSE, id);
}

socket.on(TASK_ASSIGNED, (task: { id: string; assignee: string }) => {
  console.log(`${task.id} -> ${task.assignee}`);
});

// silent: names imported via "@shared/events", mapped by compilerOptions.paths + baseUrl in tsconfig.json
import { io } from "socket.io-client";
import { TASK_ASSIGN, TASK_ASSIGNED } from "@shared/events";

const socket = io("http://localhost:3000");

export function assign(id: string, assignee: string): void {
  socket.emit(TASK_ASSIGN, { id, assignee });
}

socket.on(TASK_ASSIGNED, (task: { id: string; assignee: string }) => {
  console.log(`${task.id} -> ${task.assignee}`);
});

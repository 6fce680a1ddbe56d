// fires: every caller of archiveProject passes an id (a string, a template), never a callback, so the emit carries no ack
import { socket } from "../socket";

export function archiveProject(projectId) {
  socket.emit("project:archive", projectId);
}

import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
const archived = new Set<string>();

io.on("connection", (socket) => {
  socket.on("project:archive", (projectId: string, ack: (res: { ok: boolean }) => void) => {
    archived.add(projectId);
    ack({ ok: true });
  });
});

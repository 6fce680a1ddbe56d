// silent: .finally(() => callback()) acks whether storeDraft() resolves or rejects
import { Server } from "socket.io";
import { storeDraft } from "./drafts";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("draft:save", (draft: { text: string }, callback: () => void) => {
    storeDraft(socket.id, draft.text)
      .catch((err: unknown) => console.error("draft not stored", err))
      .finally(() => callback());
  });
});

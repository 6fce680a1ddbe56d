// fires: the handler module broadcasts "chat:msg"; the client listens for "chat:message"
import type { Server, Socket } from "socket.io";

const history = new Map<string, string[]>();

export function registerChatHandlers(io: Server, socket: Socket): void {
  socket.on("chat:join", (room: string, callback: (res: { ok: boolean; history: string[] }) => void) => {
    socket.join(room);
    callback({ ok: true, history: history.get(room) ?? [] });
  });

  socket.on("chat:send", (message: { room: string; text: string }) => {
    history.set(message.room, [...(history.get(message.room) ?? []), message.text]);
    io.to(message.room).emit("chat:msg", message);
  });
}

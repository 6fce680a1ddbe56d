// fires: presence events are registered under computed names; in this app and namespace they may cover "presence:ping", so that emit is not reported, and the computed name is
import { Server, type Socket } from "socket.io";

const io = new Server(3000);
const PRESENCE_EVENTS: string[] = JSON.parse(process.env.PRESENCE_EVENTS ?? "[]");

function trackPresence(socket: Socket, event: string): void {
  socket.on(event, (at: number) => console.log(socket.id, event, at));
}

io.on("connection", (socket) => {
  socket.on("chat:say", (text: string) => console.log(text));
  PRESENCE_EVENTS.forEach((event) => trackPresence(socket, event));
});

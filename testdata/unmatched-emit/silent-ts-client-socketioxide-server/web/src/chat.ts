import { socket } from "./socket";

export interface Message {
  id: number;
  text: string;
}

export function joinRoom(room: string): void {
  socket.emit("room:join", room);
}

export async function sendMessage(roomId: string, text: string): Promise<number> {
  const saved: Message = await socket.timeout(5000).emitWithAck("message:new", { roomId, text });
  return saved.id;
}

export function setTyping(roomId: string, typing: boolean): void {
  socket.emit("typing", roomId, typing);
}

socket.on("message:created", (message: Message) => {
  console.log(`#${message.id}: ${message.text}`);
});

socket.on("typing", (user: string) => {
  console.log(`${user} is typing`);
});

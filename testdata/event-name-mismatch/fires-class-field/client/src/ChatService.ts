// fires: this.socket (a class field) emits "chat:post"; the server handles "chat:send"
import { io, type Socket } from "socket.io-client";

export interface ChatMessage {
  from: string;
  text: string;
}

export class ChatService {
  private socket: Socket = io("http://localhost:3000");
  private listeners = new Set<(message: ChatMessage) => void>();

  constructor() {
    this.socket.on("chat:message", (message: ChatMessage) => {
      this.listeners.forEach((listener) => listener(message));
    });
  }

  send(text: string): void {
    this.socket.emit("chat:post", text);
  }

  subscribe(listener: (message: ChatMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

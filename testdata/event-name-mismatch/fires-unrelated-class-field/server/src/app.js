import { Server } from "socket.io";

export class ChatServer {
  constructor() {
    this.io = new Server(3000);
  }
}

export const server = new ChatServer();

// fires: the NestJS handler broadcasts and returns nothing, so the client's ack never comes
import { MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from "@nestjs/websockets";
import { Server } from "socket.io";

interface ChatMessage {
  author: string;
  text: string;
}

@WebSocketGateway()
export class ChatGateway {
  @WebSocketServer()
  server: Server;

  @SubscribeMessage("chat:send")
  send(@MessageBody() message: ChatMessage): void {
    this.server.emit("chat:message", message);
  }
}

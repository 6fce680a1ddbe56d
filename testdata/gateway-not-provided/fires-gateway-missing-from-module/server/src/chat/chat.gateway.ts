// fires: ChatGateway is in no module's `providers` (the module lists only its service), so NestJS never creates it
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from "@nestjs/websockets";
import { Socket } from "socket.io";
import { ChatService } from "./chat.service";

@WebSocketGateway({ namespace: "chat" })
export class ChatGateway {
  constructor(private readonly chat: ChatService) {}

  @SubscribeMessage("chat:history")
  history(@ConnectedSocket() client: Socket, @MessageBody() room: string) {
    client.join(room);
    return this.chat.history(room);
  }
}

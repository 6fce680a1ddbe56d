// silent: no `@Module` is in view (a gateway library or a partial checkout): whether a module provides the gateway cannot be told
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

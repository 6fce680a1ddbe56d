// silent: the feature module lists ChatGateway in its `providers`, and the app module imports that module
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

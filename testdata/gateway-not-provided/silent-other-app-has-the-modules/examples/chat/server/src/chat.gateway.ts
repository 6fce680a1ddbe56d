// silent: this example has no `@Module` of its own (its module lives outside the checkout); the admin example's module does not make it a whole app
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

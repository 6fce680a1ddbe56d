import { UseGuards } from "@nestjs/common";
import {
  Ack,
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  WsException,
  WsResponse,
} from "@nestjs/websockets";
import { Server, Socket } from "socket.io";
import { SessionGuard } from "../auth/session.guard";
import { ChatService } from "./chat.service";

@UseGuards(SessionGuard)
@WebSocketGateway({ cors: true })
export class ChatGateway implements OnGatewayConnection {
  @WebSocketServer() server: Server;

  constructor(private readonly chat: ChatService) {}

  handleConnection(client: Socket) {
    client.emit("history", this.chat.recent(50));
  }

  // Seeded bug 1: an empty text returns nothing, so the client's ack never comes.
  @SubscribeMessage("message:send")
  async send(@ConnectedSocket() client: Socket, @MessageBody() text: string) {
    if (!text.trim()) {
      return;
    }
    const message = await this.chat.save(client.id, text);
    this.server.emit("message:new", message);
    return { ok: true, id: message.id };
  }

  // The reply is a `WsResponse`: emitted as its event. Seeded bug 2: the client
  // listens for "typing:show".
  @SubscribeMessage("typing")
  typing(@ConnectedSocket() client: Socket): WsResponse<string> {
    client.broadcast.emit("typing:others", client.id);
    return { event: "typing:shown", data: client.id };
  }

  // Answers through `@Ack()` on every path; a missing message is an exception.
  @SubscribeMessage("message:delete")
  remove(@MessageBody() id: number, @Ack() ack: (reply: { ok: boolean }) => void) {
    if (typeof id !== "number") {
      throw new WsException("the id must be a number");
    }
    const ok = this.chat.remove(id);
    if (ok) {
      this.server.emit("message:deleted", id);
    }
    ack({ ok });
  }
}

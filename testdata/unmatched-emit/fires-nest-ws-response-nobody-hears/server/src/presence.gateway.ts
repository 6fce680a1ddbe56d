// fires: a returned `WsResponse` is emitted to the client as "presence:snapshot", which the client never listens for
import { SubscribeMessage, WebSocketGateway, WsResponse } from "@nestjs/websockets";
import { Socket } from "socket.io";

@WebSocketGateway({ namespace: "presence" })
export class PresenceGateway {
  private readonly online = new Set<string>();

  handleConnection(client: Socket) {
    this.online.add(client.id);
  }

  handleDisconnect(client: Socket) {
    this.online.delete(client.id);
  }

  @SubscribeMessage("presence:list")
  list(): WsResponse<string[]> {
    return { event: "presence:snapshot", data: [...this.online] };
  }
}

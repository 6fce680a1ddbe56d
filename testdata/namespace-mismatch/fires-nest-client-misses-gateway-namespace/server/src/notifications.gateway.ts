// fires: the gateway serves namespace "notifications" but the client connects to the main namespace
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from "@nestjs/websockets";
import { Socket } from "socket.io";

@WebSocketGateway(0, { namespace: "notifications", cors: { origin: "*" } })
export class NotificationsGateway {
  @SubscribeMessage("notifications:subscribe")
  subscribe(@ConnectedSocket() client: Socket, @MessageBody() topic: string) {
    client.join(`topic:${topic}`);
    return { subscribed: topic };
  }
}

import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from "@nestjs/websockets";
import { Namespace, Socket } from "socket.io";

@WebSocketGateway({ namespace: "admin" })
export class AdminGateway {
  @WebSocketServer() admins: Namespace;

  @SubscribeMessage("admin:stats")
  stats(@ConnectedSocket() client: Socket) {
    return { admins: this.admins.sockets.size, you: client.id };
  }

  // Seeded bug 3: NestJS passes no ack as a third undecorated parameter.
  @SubscribeMessage("admin:kick")
  kick(client: Socket, userId: string, ack: (done: boolean) => void) {
    this.admins.to(`user:${userId}`).emit("admin:kicked", userId);
    ack(true);
  }
}

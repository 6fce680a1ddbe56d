// fires: a NestJS handler replies by its return value, but a bare `return` and a thrown exception send no ack
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  WsException,
} from "@nestjs/websockets";
import { Server, Socket } from "socket.io";
import { RoomsService } from "./rooms.service";

@WebSocketGateway({ namespace: "rooms", cors: true })
export class RoomsGateway {
  @WebSocketServer() server: Server;

  constructor(private readonly rooms: RoomsService) {}

  @SubscribeMessage("room:join")
  async join(@ConnectedSocket() client: Socket, @MessageBody() roomId: string) {
    if (!roomId) {
      return;
    }
    if (this.rooms.isFull(roomId)) {
      throw new WsException("room is full");
    }
    await client.join(roomId);
    this.server.to(roomId).emit("room:joined", { id: client.id });
    return { ok: true, members: this.rooms.members(roomId) };
  }
}

import { WebSocketGateway, WebSocketServer } from "@nestjs/websockets";
import { Server } from "socket.io";

/** Holds the server for the services that push updates to users. */
@WebSocketGateway({ cors: true })
export class EventsGateway {
  @WebSocketServer() public server!: Server;
}

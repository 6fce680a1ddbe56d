// silent: the handler returns nothing, but a global interceptor turns every result into a reply
import { MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from "@nestjs/websockets";
import { Server } from "socket.io";

@WebSocketGateway()
export class LightsGateway {
  @WebSocketServer() server: Server;

  @SubscribeMessage("lights:switch")
  switch(@MessageBody() on: boolean): void {
    this.server.emit("lights:state", on);
  }
}

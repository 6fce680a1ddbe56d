// fires: `(client, data, ack)` written as in plain Socket.IO: NestJS passes no ack as the third parameter
import { SubscribeMessage, WebSocketGateway, WebSocketServer } from "@nestjs/websockets";
import { Server, Socket } from "socket.io";

@WebSocketGateway({ namespace: "votes" })
export class VotesGateway {
  @WebSocketServer() server: Server;
  private readonly tally = new Map<string, number>();

  @SubscribeMessage("vote:cast")
  cast(client: Socket, option: string, ack: (reply: { total: number }) => void) {
    const total = (this.tally.get(option) ?? 0) + 1;
    this.tally.set(option, total);
    this.server.emit("vote:tally", { option, total });
    ack({ total });
  }
}

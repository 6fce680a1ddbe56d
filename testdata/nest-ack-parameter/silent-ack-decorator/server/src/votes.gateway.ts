// silent: the ack parameter is decorated with `@Ack()`, and every parameter is decorated, so NestJS fills them all
import { Ack, ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from "@nestjs/websockets";
import { Socket } from "socket.io";

@WebSocketGateway({ namespace: "votes" })
export class VotesGateway {
  private readonly tally = new Map<string, number>();

  @SubscribeMessage("vote:cast")
  cast(
    @ConnectedSocket() client: Socket,
    @MessageBody() option: string,
    @Ack() ack: (reply: { total: number }) => void,
  ) {
    const total = (this.tally.get(option) ?? 0) + 1;
    this.tally.set(option, total);
    client.broadcast.emit("vote:tally", { option, total });
    ack({ total });
  }
}

import { MessageBody, SubscribeMessage, WebSocketGateway } from "@nestjs/websockets";

@WebSocketGateway({ namespace: "admin" })
export class AdminGateway {
  private readonly banned = new Set<string>();

  @SubscribeMessage("admin:ban")
  ban(@MessageBody() userId: string) {
    this.banned.add(userId);
    return { ok: true };
  }
}

// silent: the gateway's exception filter answers the ack when the handler throws, and every other path returns a value
import { UseFilters } from "@nestjs/common";
import { MessageBody, SubscribeMessage, WebSocketGateway, WsException } from "@nestjs/websockets";
import { WsAckFilter } from "./ws-ack.filter";

@UseFilters(new WsAckFilter())
@WebSocketGateway({ namespace: "profile" })
export class ProfileGateway {
  private readonly names = new Map<string, string>();

  @SubscribeMessage("profile:rename")
  rename(@MessageBody() body: { id: string; name: string }) {
    if (!body.name.trim()) {
      throw new WsException("the name is empty");
    }
    this.names.set(body.id, body.name);
    return { ok: true };
  }
}

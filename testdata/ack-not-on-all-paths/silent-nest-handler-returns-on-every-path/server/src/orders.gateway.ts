// silent: every path of each NestJS handler returns a reply (a caught error is returned too), an `@Ack()` handler calls its ack on every path, and an Observable reply is not judged
import {
  Ack,
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from "@nestjs/websockets";
import { Observable, of } from "rxjs";
import { Server, Socket } from "socket.io";
import { OrdersService } from "./orders.service";

@WebSocketGateway({ namespace: "/orders" })
export class OrdersGateway implements OnGatewayConnection {
  @WebSocketServer() server: Server;

  constructor(private readonly orders: OrdersService) {}

  handleConnection(client: Socket) {
    client.emit("orders:hello", { count: this.orders.count() });
  }

  @SubscribeMessage("orders:place")
  async place(@ConnectedSocket() client: Socket, @MessageBody() item: string) {
    try {
      const order = await this.orders.place(item);
      this.server.emit("orders:placed", order);
      return { ok: true, id: order.id };
    } catch (err) {
      return { ok: false, error: String(err) };
    }
  }

  @SubscribeMessage("orders:cancel")
  cancel(@MessageBody() id: string, @Ack() ack: (reply: unknown) => void) {
    if (!this.orders.has(id)) {
      ack({ ok: false });
      return;
    }
    this.orders.cancel(id);
    ack({ ok: true });
  }

  @SubscribeMessage("orders:watch")
  watch(): Observable<number> {
    return of(this.orders.count());
  }

  @SubscribeMessage("orders:ping")
  ping(client: Socket, data: unknown) {
    return data;
  }
}

// silent: the web client's "order:updated" and "order:shipped" are emitted through injected services (a parameter property, a property-injected field) whose wrapper method emits on the gateway's server
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from "@nestjs/websockets";
import { Socket } from "socket.io";
import Notify from "./notify.service";
import { ShippingService as Shipping } from "./shipping.service";

@WebSocketGateway({ cors: true })
export class OrdersGateway {
  constructor(
    private readonly notify: Notify,
    private shipping: Shipping,
  ) {}

  @SubscribeMessage("order:place")
  async place(@MessageBody() order: { id: string; userId: string }, @ConnectedSocket() client: Socket) {
    client.join(`user/${order.userId}`);
    await this.notify.toUser("order:updated", order.userId, { id: order.id, status: "placed" });
  }

  @SubscribeMessage("order:ship")
  async ship(@MessageBody() order: { id: string; userId: string }) {
    await this.shipping.ship(order.userId, order.id);
  }
}

// fires: the property-injected NotifyService is called with "order:shiped"; the web client listens for "order:shipped"
import { Inject, Injectable } from "@nestjs/common";
import Notify from "./notify.service";

@Injectable()
export class ShippingService {
  @Inject(Notify) private readonly notify!: Notify;

  async ship(userId: string, orderId: string) {
    await this.notify.toUser("order:shiped", userId, { id: orderId });
  }
}

import { Inject, Injectable } from "@nestjs/common";
import Notify from "./notify.service";

@Injectable()
export class ShippingService {
  @Inject(Notify) private readonly notify!: Notify;

  async ship(userId: string, orderId: string) {
    await this.notify.toUser("order:updated", userId, { id: orderId, status: "shipped" });
  }
}

import { Inject, Injectable, forwardRef } from "@nestjs/common";
import { EventsGateway } from "./events.gateway";

@Injectable()
export default class NotifyService {
  constructor(
    @Inject(forwardRef(() => EventsGateway))
    private readonly gateway: EventsGateway,
  ) {}

  /** Pushes `event` to every tab the user has open. */
  async toUser(event: string, userId: string, payload: unknown) {
    this.gateway.server.to(`user/${userId}`).emit(event, payload);
  }
}

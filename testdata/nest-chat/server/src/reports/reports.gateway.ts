import { MessageBody, SubscribeMessage, WebSocketGateway } from "@nestjs/websockets";

// Seeded bug 4: no module lists this gateway in its `providers`.
@WebSocketGateway({ namespace: "admin" })
export class ReportsGateway {
  private readonly reports: string[] = [];

  @SubscribeMessage("report:file")
  file(@MessageBody() reason: string) {
    this.reports.push(reason);
    return { filed: this.reports.length };
  }
}

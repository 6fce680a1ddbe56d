// fires: with `@MessageBody()` on the payload, the undecorated `done` receives nothing: only decorated parameters are filled
import { MessageBody, SubscribeMessage, WebSocketGateway } from "@nestjs/websockets";
import { UploadService } from "./upload.service";

@WebSocketGateway()
export class UploadGateway {
  constructor(private readonly uploads: UploadService) {}

  @SubscribeMessage("upload:chunk")
  async chunk(@MessageBody() chunk: { id: string; bytes: string }, done: (ok: boolean) => void) {
    await this.uploads.append(chunk.id, chunk.bytes);
    done(true);
  }
}

// silent: a gateway with a RegExp namespace serves every matching namespace the client connects to
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from "@nestjs/websockets";
import { Namespace, Socket } from "socket.io";

@WebSocketGateway({ namespace: /^\/workspace-\d+$/ })
export class WorkspaceGateway {
  @WebSocketServer() namespace: Namespace;

  @SubscribeMessage("doc:edit")
  edit(@ConnectedSocket() client: Socket, @MessageBody() patch: { doc: string; ops: unknown[] }) {
    client.broadcast.emit("doc:patched", patch);
    return { ok: true };
  }
}

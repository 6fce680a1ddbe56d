import { CanActivate, ExecutionContext, Injectable } from "@nestjs/common";
import { Socket } from "socket.io";

// A client without a session token is refused: NestJS throws, and the client gets an
// `exception` event instead of the handler's reply.
@Injectable()
export class SessionGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const client = context.switchToWs().getClient<Socket>();
    return typeof client.handshake.auth?.token === "string";
  }
}

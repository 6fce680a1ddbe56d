import { ArgumentsHost, Catch, ExceptionFilter } from "@nestjs/common";

// Answers the client's ack with the error instead of an `exception` event.
@Catch()
export class WsAckFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const args = host.getArgs();
    const ack = args[args.length - 1];
    if (typeof ack === "function") {
      ack({ ok: false, error: exception instanceof Error ? exception.message : "internal error" });
    }
  }
}

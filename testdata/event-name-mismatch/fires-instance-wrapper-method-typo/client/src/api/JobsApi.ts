import type { Socket } from "socket.io-client";

export class JobsApi {
  constructor(private readonly socket: Socket) {}

  /** Sends one event; callers name it. */
  emit(event: string, ...args: unknown[]): void {
    this.socket.emit(event, ...args);
  }

  onStarted(listener: (jobId: string) => void): void {
    this.socket.on("job:started", listener);
  }
}

// fires: the controller's own `emit` wrapper is called with "job:progres", the client listens for "job:progress"
import { io } from "../io";

export class JobController {
  constructor(private readonly room: string) {}

  /** Sends an event to every client watching this controller's jobs. */
  emit(eventName: string, ...args: unknown[]): void {
    io.to(this.room).emit(eventName, ...args);
  }

  onProgress(jobId: string, percent: number): void {
    this.emit("job:progres", { jobId, percent });
  }

  onDone(jobId: string): void {
    this.emit("job:done", { jobId });
  }
}

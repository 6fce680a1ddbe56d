// silent: `done` walks Object.values(...) of a map of callbacks, which may be functions: the ack stays unknown
import { socket } from "./socket";

export class JobList {
  constructor() {
    this.onPaused = {};
  }

  pauseAll(jobId) {
    Object.values(this.onPaused).forEach((done) => socket.emit("job:pause", jobId, done));
  }
}

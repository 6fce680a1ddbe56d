// fires: `id` walks Object.keys(...) (a string), not an ack, but the server calls callback() on every path
import { socket } from "./socket";

export class JobList {
  constructor() {
    this.selected = {};
    this.jobs = {};
  }

  pauseOne(id) {
    socket.emit("job:pause", id, (res) => {
      if (!res.ok) console.warn(res.msg);
    });
  }

  pauseSelected() {
    Object.keys(this.selected)
      .filter((id) => this.jobs[id].running)
      .forEach((id) => socket.emit("job:pause", id));
  }
}

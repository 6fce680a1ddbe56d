import { ExportJob } from "./export-job.js";

// Holds the server it is constructed with and a job per request.
export class Scheduler {
  constructor(io) {
    this.io = io;
    this.current = null;
  }

  start(id, rows) {
    this.current = new ExportJob(id);
    this.current.run(this.io, rows);
  }
}

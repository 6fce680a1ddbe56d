import { ReportJob } from "./report-job.js";

export class Nightly {
  constructor(io) {
    this.io = io;
    this.job = new ReportJob();
  }

  tick() {
    this.job.run(this.io, "nightly");
    this.io.emit("nightly:tick", Date.now());
  }
}

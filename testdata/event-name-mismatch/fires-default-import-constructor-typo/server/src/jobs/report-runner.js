// fires: `new Runner(io)` in index.js constructs this default-exported class, whose emit of "report:redy" misses the client's "report:ready"
export default class ReportRunner {
  constructor(io) {
    this.io = io;
  }

  async run(reportId, build) {
    const url = await build(reportId);
    this.io.to(`report:${reportId}`).emit("report:redy", { reportId, url });
  }
}

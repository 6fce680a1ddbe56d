// silent: jobs emit on the server handed to them as a parameter (`new ReportJob().run(io)`, `this.job.run(this.io)` in a class constructed with the server, across files)
export class ReportJob {
  run(io, room) {
    io.to(room).emit("report:progress", 50);
    io.to(room).emit("report:ready", room);
  }
}

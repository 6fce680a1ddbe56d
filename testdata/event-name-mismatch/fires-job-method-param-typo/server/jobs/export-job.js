// fires: the job reports "export:progres" (typo) on the server it is handed as a parameter; the client listens for "export:progress"
export class ExportJob {
  constructor(id) {
    this.id = id;
  }

  run(io, rows) {
    rows.forEach((row, i) => {
      io.to(`export:${this.id}`).emit("export:progres", { id: this.id, done: i + 1 });
    });
    io.to(`export:${this.id}`).emit("export:finished", { id: this.id });
  }
}

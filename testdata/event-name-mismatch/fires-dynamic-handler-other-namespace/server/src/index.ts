import { Server, type Socket } from "socket.io";

const io = new Server(3000);

function logAll(socket: Socket, events: string[]): void {
  for (const event of events) {
    socket.on(event, (detail: unknown) => console.log(event, detail));
  }
}

io.on("connection", (socket) => {
  socket.on("report:submit", (report: string) => console.log(report));
});

io.of("/admin").on("connection", (socket) => {
  logAll(socket, JSON.parse(process.env.AUDITED ?? "[]"));
});

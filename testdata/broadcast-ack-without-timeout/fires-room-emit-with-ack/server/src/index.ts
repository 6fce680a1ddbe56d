// fires: io.to(room).emit passes an ack without .timeout(ms), so it reports a timeout straight away
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("room:join", (room: string) => {
    socket.join(room);
  });

  socket.on("poll:start", (room: string, question: string) => {
    io.to(room).emit("poll:question", question, (err: Error | null, answers: string[]) => {
      console.log(err ? "not everyone answered" : "all answered", answers);
    });
  });
});

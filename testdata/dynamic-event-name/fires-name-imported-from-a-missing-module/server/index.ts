// fires: the event names come from `../shared/events`, which is not in the checked files (a dangling symlink, a submodule not checked out): the info says so, not "computed at runtime"
import { Server } from "socket.io";
import { Events } from "../shared/events";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on(Events.Join, (room: string) => {
    socket.join(room);
  });
});

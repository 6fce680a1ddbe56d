// fires: when no seat in the list is free the loop ends without `callback`, whether or not the list was empty
import { Server } from "socket.io";

const io = new Server(3000);
const taken = new Set<string>();

io.on("connection", (socket) => {
  socket.on("seat:reserve", (seats: string[], callback: (res: { seat: string }) => void) => {
    for (const seat of seats) {
      if (!taken.has(seat)) {
        taken.add(seat);
        callback({ seat });
        return;
      }
    }
  });
});

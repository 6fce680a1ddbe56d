import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function reserve(seats: string[]) {
  socket.emit("seat:reserve", seats, (res: { seat: string }) => console.log("got", res.seat));
}

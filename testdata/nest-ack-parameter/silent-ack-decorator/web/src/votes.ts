import { io } from "socket.io-client";

const socket = io("/votes");

export function cast(option: string) {
  socket.emit("vote:cast", option, (reply: { total: number }) => {
    console.log(`${option} has ${reply.total} votes`);
  });
}

socket.on("vote:tally", ({ option, total }: { option: string; total: number }) => {
  console.log(option, total);
});

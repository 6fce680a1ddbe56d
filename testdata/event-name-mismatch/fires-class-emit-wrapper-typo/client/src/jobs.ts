import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.on("job:progress", ({ jobId, percent }: { jobId: string; percent: number }) => {
  console.log(`${jobId}: ${percent}%`);
});
socket.on("job:done", ({ jobId }: { jobId: string }) => {
  console.log(`${jobId} done`);
});

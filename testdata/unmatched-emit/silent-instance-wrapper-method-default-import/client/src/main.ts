// silent: `jobs` is an instance of the default-exported JobsApi; each call of its `emit` wrapper names an event the server handles
import { io } from "socket.io-client";
import JobsApi from "./api/JobsApi";

const jobs = new JobsApi(io("http://localhost:3000"));

jobs.onStarted((jobId) => console.log("started", jobId));

export function start(jobId: string): void {
  jobs.emit("job:start", jobId);
}

export function cancel(jobId: string): void {
  jobs.emit("job:cancel", jobId);
}

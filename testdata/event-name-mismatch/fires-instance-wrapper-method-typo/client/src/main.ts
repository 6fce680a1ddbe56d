// fires: `jobs` is an instance of JobsApi (imported as Jobs), whose `emit` wrapper is called with "job:cancle"; the server listens for "job:cancel"
import { io } from "socket.io-client";
import { JobsApi as Jobs } from "./api/JobsApi";

const jobs = new Jobs(io("http://localhost:3000"));

jobs.onStarted((jobId) => console.log("started", jobId));

export function start(jobId: string): void {
  jobs.emit("job:start", jobId);
}

export function cancel(jobId: string): void {
  jobs.emit("job:cancle", jobId);
}

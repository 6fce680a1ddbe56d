// fires: the key "job:retry" of this handler map is never emitted by the client
import type { Socket } from "socket.io";

function onStart(data: { id: string }) {
  console.log(`job ${data.id} started`);
}

function onCancel(data: { id: string }) {
  console.log(`job ${data.id} cancelled`);
}

function onRetry(data: { id: string }) {
  console.log(`job ${data.id} retried`);
}

const jobHandlers = {
  "job:start": onStart,
  "job:cancel": onCancel,
  "job:retry": onRetry,
};

export function registerJobHandlers(socket: Socket) {
  Object.keys(jobHandlers).forEach((event) => {
    socket.on(event, jobHandlers[event as keyof typeof jobHandlers]);
  });
}

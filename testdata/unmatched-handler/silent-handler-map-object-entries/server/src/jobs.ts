// silent: every key of the handler map is emitted by the client, and each handler's ack is answered
import type { Socket } from "socket.io";

function onStart(data: { id: string }, ack: (ok: boolean) => void) {
  console.log(`job ${data.id} started`);
  ack(true);
}

function onCancel(data: { id: string }) {
  console.log(`job ${data.id} cancelled`);
}

const jobHandlers = {
  "job:start": onStart,
  "job:cancel": onCancel,
};

export function registerJobHandlers(socket: Socket) {
  for (const [event, handler] of Object.entries(jobHandlers)) {
    socket.on(event, handler);
  }
}

// silent: every executor hands `resolve`/`reject` on (a timer, `bind`, a pending map, a field) or calls them from a nested function
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");
const pending = new Map<number, { resolve: (ok: boolean) => void; reject: (err: Error) => void }>();
let nextId = 0;

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}

export function pauseWith(ms: number, value: string): Promise<string> {
  return new Promise((resolve) => {
    window.setTimeout(resolve.bind(null, value), ms);
  });
}

export function track(id: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
  });
}

export function waitForAll(ids: number[]): Promise<void> {
  return new Promise((resolve) => {
    const waiters = [resolve];
    queueMicrotask(() => waiters.forEach((w) => w()));
    for (const id of ids) console.log("waiting for", id);
  });
}

class Uploader {
  private finish?: () => void;

  done(): Promise<void> {
    return new Promise((resolve) => {
      this.finish = resolve;
    });
  }

  complete() {
    this.finish?.();
  }
}

export function sendChunk(chunk: ArrayBuffer): Promise<boolean> {
  return new Promise((resolve, reject) => {
    function onAck(ok: boolean) {
      resolve(ok);
    }
    if (!socket.connected) {
      socket.once("connect", () => socket.timeout(5000).emit("upload:chunk", chunk, (err: Error | null, ok: boolean) => (err ? reject(err) : onAck(ok))));
      return;
    }
    socket.timeout(5000).emit("upload:chunk", chunk, (err: Error | null, ok: boolean) => (err ? reject(err) : onAck(ok)));
  });
}

export function withHandlers(): Promise<string> {
  return new Promise((resolve, reject) => {
    const handlers = {
      onDone(value: string) {
        resolve(value);
      },
      onError(err: Error) {
        reject(err);
      },
    };
    register(handlers, nextId++);
  });
}

export function withClass(): Promise<string> {
  return new Promise((resolve) => {
    class Listener {
      handle(value: string) {
        resolve(value);
      }
    }
    register(new Listener(), nextId++);
  });
}

declare function register(target: object, id: number): void;

export const uploader = new Uploader();

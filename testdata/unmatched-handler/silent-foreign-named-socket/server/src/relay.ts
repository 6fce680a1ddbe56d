import type { Socket } from "node:net";
import { Socket as EngineSocket } from "engine.io-client";

// A raw TCP socket handed over untyped, and an Engine.IO connection: the transport under
// Socket.IO, whose "message" events are not Socket.IO events.
export function relay(...args: unknown[]): void {
  const socket = args[0] as Socket;
  socket.on("close", () => console.log("upstream closed"));

  const sock = new EngineSocket("ws://localhost:3000");
  sock.on("message", (data: string) => socket.write(data));
}

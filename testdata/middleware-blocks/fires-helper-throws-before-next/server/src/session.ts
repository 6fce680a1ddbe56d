import type { Socket } from "socket.io";

export type Session = { userId: string };

function assertSignedIn(session: Session | undefined): asserts session is Session {
  if (!session) {
    throw new Error("not signed in");
  }
}

export function requireSession(socket: Socket): Session {
  const session = socket.data.session as Session | undefined;
  assertSignedIn(session);
  return session;
}

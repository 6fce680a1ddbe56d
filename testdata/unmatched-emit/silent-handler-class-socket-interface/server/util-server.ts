// silent: handler classes receive the socket typed by project types that extend socket.io's `Socket`
import { Socket } from "socket.io";

export interface AccountSocket extends Socket {
    userId?: number;
}

type Events = { ping: () => void };
export type BoardSocket = Socket<Events, Events> & { boardId?: string };

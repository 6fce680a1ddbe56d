import { Socket } from "socket.io";

export interface AccountSocket extends Socket {
    userId?: number;
}

type Events = { ping: () => void };
export type BoardSocket = Socket<Events, Events> & { boardId?: string };

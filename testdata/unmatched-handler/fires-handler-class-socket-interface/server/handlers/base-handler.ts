import { AccountSocket } from "../util-server";

export abstract class SocketHandler {
    abstract create(socket: AccountSocket): void;
}

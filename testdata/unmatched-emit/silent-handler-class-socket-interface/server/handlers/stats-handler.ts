import { SocketHandler } from "./base-handler";
import { AccountSocket } from "../util-server";

export class StatsHandler extends SocketHandler {
    create(socket: AccountSocket) {
        socket.on("requestStats", () => {
            socket.emit("stats", { users: 1 });
        });
    }
}

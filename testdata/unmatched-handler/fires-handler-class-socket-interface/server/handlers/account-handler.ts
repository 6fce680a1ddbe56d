// fires: a handler registered on a socket typed by a project interface that extends socket.io's `Socket` is seen, and nothing emits "exportData"
import { SocketHandler } from "./base-handler";
import { AccountSocket } from "../util-server";

export class AccountHandler extends SocketHandler {
    create(socket: AccountSocket) {
        socket.on("signIn", (credentials, callback) => {
            socket.userId = credentials.id;
            callback({ ok: true });
        });
        socket.on("exportData", () => {
            socket.emit("signedOut");
        });
        socket.on("signOut", () => {
            socket.userId = undefined;
            socket.emit("signedOut");
        });
    }
}

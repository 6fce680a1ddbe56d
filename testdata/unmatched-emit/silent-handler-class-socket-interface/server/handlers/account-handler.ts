import { SocketHandler } from "./base-handler";
import { AccountSocket } from "../util-server";

export class AccountHandler extends SocketHandler {
    create(socket: AccountSocket) {
        socket.on("signIn", (credentials, callback) => {
            socket.userId = credentials.id;
            callback({ ok: true });
        });
        socket.on("signOut", () => {
            socket.userId = undefined;
            socket.emit("signedOut");
        });
    }
}

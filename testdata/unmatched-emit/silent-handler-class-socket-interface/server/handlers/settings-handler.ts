import { SocketHandler } from "./base-handler";
import { AccountSocket } from "../util-server";

export class SettingsHandler extends SocketHandler {
    create(socket: AccountSocket) {
        socket.on("getSettings", (callback) => {
            callback({ theme: "dark" });
        });
    }
}

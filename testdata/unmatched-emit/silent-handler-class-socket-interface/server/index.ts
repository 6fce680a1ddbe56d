import { Server } from "socket.io";
import { AccountHandler } from "./handlers/account-handler";
import { SocketHandler } from "./handlers/base-handler";
import { SettingsHandler } from "./handlers/settings-handler";
import { StatsHandler } from "./handlers/stats-handler";
import { registerBoard } from "./handlers/board-handler";
import { ApiRouter } from "./routers/api-router";
import { MainRouter } from "./routers/main-router";
import { AccountSocket } from "./util-server";

export class AppServer {
    io = new Server(3000);
    routes = new MainRouter().create(["/", "/board"], "/app");
    apiRoutes = new ApiRouter().create(["/stats"], "/app");
    socketHandlerList: SocketHandler[] = [
        new AccountHandler(),
        new SettingsHandler(),
        new StatsHandler(),
    ];

    start() {
        this.io.on("connection", (socket) => {
            const accountSocket = socket as AccountSocket;
            // `create` has too many namesakes (routers too) to follow this call.
            for (const socketHandler of this.socketHandlerList) {
                socketHandler.create(accountSocket);
            }
            registerBoard(socket);
        });
    }
}

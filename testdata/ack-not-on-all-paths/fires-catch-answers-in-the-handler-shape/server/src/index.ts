// fires: if monitors.pause() rejects, the handler leaves without answering; the catch a fix adds answers { ok: false, msg } as the handler's other failure does
import { Server } from "socket.io";
import { monitors } from "./monitors";

const io = new Server(3001);

io.on("connection", (socket) => {
    socket.on("monitor:pause", async (id: number, callback: (res: { ok: boolean; msg: string }) => void) => {
        if (!Number.isInteger(id)) {
            callback({ ok: false, msg: "Invalid monitor id" });
            return;
        }
        await monitors.pause(id);
        callback({ ok: true, msg: "Paused" });
    });
});

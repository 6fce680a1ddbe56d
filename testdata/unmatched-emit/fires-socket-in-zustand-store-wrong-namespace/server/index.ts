import { Server } from "socket.io";

const io = new Server(9001);

io.of("/settings").on("connection", (socket) => {
    socket.on("loadSettings", () => {
        socket.emit("settings", "{}");
    });
    socket.on("saveSettings", (text: string) => {
        console.log("saved", text.length);
    });
});

io.of("/plugins").on("connection", (socket) => {
    socket.on("getInstalled", () => {
        socket.emit("results:installed", ["ep_align"]);
    });
});

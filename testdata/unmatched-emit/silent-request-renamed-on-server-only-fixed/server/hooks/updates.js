// silent: the handler and the admin page's request carry the same name again
const registry = require("./registry");

exports.socketio = (hookName, args) => {
    const updates = args.io.of("/admin/updates");
    updates.on("connection", (socket) => {
        socket.on("listInstalled", async () => {
            socket.emit("results:installed", { installed: await registry.installed() });
        });

        socket.on("checkForUpdates", async () => {
            try {
                socket.emit("results:updatable", { updatable: await registry.updatable() });
            } catch (err) {
                socket.emit("results:updatable", { updatable: [], error: err.message });
            }
        });
    });
};

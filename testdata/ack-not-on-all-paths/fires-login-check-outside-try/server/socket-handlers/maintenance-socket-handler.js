// fires: checkLogin() throws for a signed-out socket before the try, so the async handler rejects and `callback` is never called
const { checkLogin, toSlug } = require("../util-server");

const windows = new Map();

module.exports.maintenanceSocketHandler = (socket) => {
    socket.on("addMaintenance", async (maintenance, callback) => {
        checkLogin(socket);
        try {
            const slug = toSlug(maintenance.title);
            windows.set(slug, maintenance);
            callback({ ok: true, slug });
        } catch (e) {
            callback({ ok: false, msg: e.message });
        }
    });
};

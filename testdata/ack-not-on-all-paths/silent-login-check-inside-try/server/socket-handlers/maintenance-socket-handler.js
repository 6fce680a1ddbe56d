// silent: checkLogin() is called inside the try, and the catch answers with `callback`
const { checkLogin, toSlug } = require("../util-server");

const windows = new Map();

module.exports.maintenanceSocketHandler = (socket) => {
    socket.on("addMaintenance", async (maintenance, callback) => {
        try {
            checkLogin(socket);
            const slug = toSlug(maintenance.title);
            windows.set(slug, maintenance);
            callback({ ok: true, slug });
        } catch (e) {
            callback({ ok: false, msg: e.message });
        }
    });
};

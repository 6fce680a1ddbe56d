/**
 * Throws unless the socket has signed in.
 * @param {import("socket.io").Socket} socket
 */
exports.checkLogin = (socket) => {
    if (!socket.userID) {
        throw new Error("You are not logged in.");
    }
};

exports.toSlug = (title) => title.toLowerCase().replace(/[^a-z0-9]+/g, "-");

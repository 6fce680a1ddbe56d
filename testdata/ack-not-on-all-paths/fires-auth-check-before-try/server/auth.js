function requireUser(socket) {
    if (!socket.userId) {
        throw new Error("You are not logged in.");
    }
}

module.exports = { requireUser };

class Stats {
    // `io` is only known through the callers of this static method.
    static sendStats(io, userID) {
        io.to(userID).emit("avgPing", 42);
    }
}

module.exports = { Stats };

// The limiter answers the ack itself when it refuses, and tells the caller so.
class RateLimiter {
    constructor(limit) {
        this.remaining = limit;
    }

    async pass(callback) {
        this.remaining -= 1;
        if (this.remaining < 0) {
            if (callback) {
                callback({ ok: false, msg: "Too many requests" });
            }
            return false;
        }
        return true;
    }
}

module.exports = { loginRateLimiter: new RateLimiter(10) };

// silent: a timer that resolves on some ticks runs again until one does
const { Server } = require("socket.io");

const io = new Server(3002);
let started = false;

function waitForStart() {
    return new Promise((resolve) => {
        const interval = setInterval(() => {
            if (started) {
                clearInterval(interval);
                resolve();
            } else {
                console.log("waiting...");
            }
        }, 1000);
    });
}

waitForStart().then(() => io.emit("server:ready"));

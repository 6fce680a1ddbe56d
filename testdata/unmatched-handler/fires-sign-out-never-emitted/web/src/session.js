// fires: signing out only forgets the token here; the server's "signOut" handler never runs, so this socket keeps receiving the user's room
import { io } from "socket.io-client";

const socket = io(location.origin, { transports: ["websocket"] });

export const session = {
    token: localStorage.getItem("token"),
    usage: null,
};

socket.on("usage", (usage) => {
    session.usage = usage;
});

export function signIn(username, password, done) {
    socket.emit("signIn", { username, password }, (res) => {
        if (res.ok) {
            session.token = res.token;
            localStorage.setItem("token", res.token);
        }
        done(res);
    });
}

export function signOut() {
    localStorage.removeItem("token");
    session.token = null;
    session.usage = null;
}

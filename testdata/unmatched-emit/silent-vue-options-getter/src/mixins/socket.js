// silent: Vue options API — the socket is module state reached through `this.$root.getSocket()`
import { io } from "socket.io-client";

let socket;

export default {
    methods: {
        initSocketIO() {
            socket = io(location.origin, { transports: ["websocket"] });
            socket.on("monitorList", (data) => {
                this.monitorList = data;
            });
        },
        getSocket() {
            return socket;
        },
    },
};

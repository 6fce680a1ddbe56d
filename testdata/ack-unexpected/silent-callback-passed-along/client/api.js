// silent: a store method passes its own `callback` parameter as the ack (as Vue mixins do)
import { io } from "socket.io-client";

const socket = io("http://localhost:3001");

export default {
    methods: {
        deleteMonitor(monitorID, callback) {
            socket.emit("deleteMonitor", monitorID, callback);
        },
    },
};

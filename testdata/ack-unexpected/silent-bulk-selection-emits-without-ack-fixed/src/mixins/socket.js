import { io } from "socket.io-client";

let socket;

export default {
    data() {
        return { deviceList: {} };
    },
    methods: {
        initSocketIO() {
            socket = io(location.origin, { transports: ["websocket"] });
            socket.on("deviceList", (list) => {
                this.deviceList = list;
            });
        },
        getSocket() {
            return socket;
        },
    },
};

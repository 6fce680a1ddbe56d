import { useEffect } from "react";
import { io } from "socket.io-client";
import { useStore } from "./store/store";

export const App = () => {
    useEffect(() => {
        const settingsSocket = io("/settings");
        const pluginsSocket = io("/plugins");
        settingsSocket.on("connect", () => {
            useStore.getState().setSettingsSocket(settingsSocket);
            useStore.getState().setLoading(false);
        });
        pluginsSocket.on("connect", () => {
            useStore.getState().setPluginsSocket(pluginsSocket);
        });
        return () => {
            settingsSocket.disconnect();
            pluginsSocket.disconnect();
        };
    }, []);
    return null;
};

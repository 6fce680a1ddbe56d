// silent: pages read the sockets App.tsx put in a zustand store, each in its own namespace
import { useEffect, useState } from "react";
import { useStore } from "../store/store";

export const SettingsPage = () => {
    const settingsSocket = useStore((state) => state.settingsSocket);
    const [settings, setSettings] = useState("");

    useEffect(() => {
        if (!settingsSocket) return;
        const onSettings = (text: string) => setSettings(text);
        settingsSocket.on("settings", onSettings);
        settingsSocket.emit("loadSettings");
        return () => {
            settingsSocket.off("settings", onSettings);
        };
    }, [settingsSocket]);

    const save = () => useStore.getState().settingsSocket?.emit("saveSettings", settings);
    return { settings, save };
};

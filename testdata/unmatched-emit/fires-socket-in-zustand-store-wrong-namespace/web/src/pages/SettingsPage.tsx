// fires: the store's plugins socket is on "/plugins", where no handler listens for "saveSettings"
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

    const save = () => useStore.getState().pluginsSocket?.emit("saveSettings", settings);
    return { settings, save };
};

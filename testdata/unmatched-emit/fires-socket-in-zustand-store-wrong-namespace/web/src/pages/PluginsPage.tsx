import { useEffect, useState } from "react";
import { useStore } from "../store/store";

export const PluginsPage = () => {
    const pluginsSocket = useStore((state) => state.pluginsSocket);
    const [installed, setInstalled] = useState<string[]>([]);

    useEffect(() => {
        if (!pluginsSocket) return;
        const onInstalled = (names: string[]) => setInstalled(names);
        pluginsSocket.on("results:installed", onInstalled);
        pluginsSocket.emit("getInstalled");
        return () => {
            pluginsSocket.off("results:installed", onInstalled);
        };
    }, [pluginsSocket]);
    return installed;
};

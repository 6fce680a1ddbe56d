import { create } from "zustand";
import { Socket } from "socket.io-client";

type StoreState = {
    settingsSocket: Socket | undefined;
    setSettingsSocket: (socket: Socket) => void;
    pluginsSocket: Socket | undefined;
    setPluginsSocket: (socket: Socket) => void;
    loading: boolean;
    setLoading: (loading: boolean) => void;
};

export const useStore = create<StoreState>()((set) => ({
    settingsSocket: undefined,
    setSettingsSocket: (socket: Socket) => set({ settingsSocket: socket }),
    pluginsSocket: undefined,
    setPluginsSocket: (socket: Socket) => set({ pluginsSocket: socket }),
    loading: true,
    setLoading: (loading: boolean) => set({ loading }),
}));

// silent: the cleanup's off("connect") / off("status") remove only this component's listeners: no other module listens to them
import { useEffect, useState } from "react";
import { socket } from "./socket";

export function StatusBar() {
  const [connected, setConnected] = useState(socket.connected);
  const [online, setOnline] = useState(0);

  useEffect(() => {
    socket.on("connect", () => setConnected(true));
    socket.on("disconnect", () => setConnected(false));
    socket.on("status", (s: { online: number }) => setOnline(s.online));
    return () => {
      socket.off("connect");
      socket.off("disconnect");
      socket.off("status");
    };
  }, []);

  return <span>{connected ? `${online} online` : "offline"}</span>;
}

import { useEffect, useState } from "react";
import { socket } from "./lib/socket";
import { joinConversation } from "./store/chat";
import { ChatWindow } from "./components/ChatWindow";

const DEFAULT_CONVERSATION = "general";

export function App({ userId }: { userId: string }) {
  const [online, setOnline] = useState(socket.connected);

  useEffect(() => {
    const onConnect = () => {
      setOnline(true);
      joinConversation(DEFAULT_CONVERSATION);
    };
    const onDisconnect = () => setOnline(false);

    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    socket.connect();
    return () => {
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      socket.disconnect();
    };
  }, []);

  return (
    <main>
      <header>
        ChatLite <span className={online ? "dot dot--on" : "dot"}>{online ? "online" : "offline"}</span>
      </header>
      <ChatWindow userId={userId} />
    </main>
  );
}

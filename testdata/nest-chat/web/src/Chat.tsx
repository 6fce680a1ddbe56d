import { useEffect, useState } from "react";
import { socket } from "./socket";

interface Message {
  id: number;
  author: string;
  text: string;
}

export function Chat() {
  const [messages, setMessages] = useState<Message[]>([]);
  const [typing, setTyping] = useState<string | null>(null);

  useEffect(() => {
    const onHistory = (history: Message[]) => setMessages(history);
    const onNew = (message: Message) => setMessages((list) => [...list, message]);
    const onDeleted = (id: number) => setMessages((list) => list.filter((m) => m.id !== id));
    const onTyping = (who: string) => setTyping(who);
    socket.on("history", onHistory);
    socket.on("message:new", onNew);
    socket.on("message:deleted", onDeleted);
    socket.on("typing:others", onTyping);
    socket.on("typing:show", onTyping);
    return () => {
      socket.off("history", onHistory);
      socket.off("message:new", onNew);
      socket.off("message:deleted", onDeleted);
      socket.off("typing:others", onTyping);
      socket.off("typing:show", onTyping);
    };
  }, []);

  async function send(text: string) {
    const reply = await socket.timeout(5000).emitWithAck("message:send", text);
    console.log("sent", reply.id);
  }

  function remove(id: number) {
    socket.timeout(5000).emit("message:delete", id, (err: Error | null, reply: { ok: boolean }) => {
      if (err || !reply.ok) console.warn("not deleted", id);
    });
  }

  return (
    <div>
      {messages.map((m) => (
        <p key={m.id} onClick={() => remove(m.id)}>
          {m.author}: {m.text}
        </p>
      ))}
      {typing && <em>{typing} is typing</em>}
      <input onKeyDown={() => socket.emit("typing")} onBlur={(e) => send(e.currentTarget.value)} />
    </div>
  );
}

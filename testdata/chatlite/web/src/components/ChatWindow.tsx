import { useEffect, useState, type FormEvent } from "react";
import { socket } from "../lib/socket";
import { Events } from "../lib/events";
import {
  applyReaction,
  deleteMessage,
  react,
  receiveMessage,
  removeMessage,
  sendMessage,
  setTyping,
  setUserTyping,
  useChat,
  type Message,
  type Reaction,
} from "../store/chat";

interface Props {
  userId: string;
}

export function ChatWindow({ userId }: Props) {
  const { messages, typingUsers, joinError } = useChat();
  const [draft, setDraft] = useState("");

  useEffect(() => {
    const onMessage = (message: Omit<Message, "status">) => receiveMessage(message);
    const onDeleted = (payload: { id: string }) => removeMessage(payload.id);
    const onReaction = (reaction: Reaction) => applyReaction(reaction);
    const onTyping = (event: { userId: string; isTyping: boolean }) => setUserTyping(event.userId, event.isTyping);

    socket.on("message:new", onMessage);
    socket.on(Events.MessageDeleted, onDeleted);
    socket.on("reaction:new", onReaction);
    socket.on("typing", onTyping);
    return () => {
      socket.off("message:new", onMessage);
      socket.off(Events.MessageDeleted, onDeleted);
      socket.off("reaction:new", onReaction);
      socket.off("typing", onTyping);
    };
  }, []);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const body = draft.trim();
    if (!body) return;
    sendMessage(body, userId);
    setTyping(false);
    setDraft("");
  }

  return (
    <section className="chat-window">
      {joinError && <p className="error">{joinError}</p>}
      <ul>
        {messages.map((m) => (
          <li key={m.clientId} className={`message message--${m.status}`}>
            <span>{m.body}</span>
            {Object.entries(m.reactions).map(([emoji, count]) => (
              <span key={emoji}>
                {emoji} {count}
              </span>
            ))}
            {m.status === "sent" && <button onClick={() => react(m, "👍")}>👍</button>}
            {m.authorId === userId && m.status === "sent" && <button onClick={() => deleteMessage(m)}>Delete</button>}
            {m.status === "failed" && <em>not sent</em>}
          </li>
        ))}
      </ul>
      {typingUsers.length > 0 && <p className="typing">{typingUsers.join(", ")} typing…</p>}
      <form onSubmit={onSubmit}>
        <input
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            setTyping(e.target.value.length > 0);
          }}
          placeholder="Write a message"
        />
        <button type="submit">Send</button>
      </form>
    </section>
  );
}

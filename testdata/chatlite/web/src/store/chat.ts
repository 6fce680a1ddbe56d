import { useSyncExternalStore } from "react";
import { socket } from "../lib/socket";
import { Events } from "../lib/events";

export type MessageStatus = "sending" | "sent" | "failed";

export interface Message {
  id: string;
  clientId: string;
  conversationId: string;
  authorId: string;
  body: string;
  createdAt: string;
  status: MessageStatus;
  reactions: Record<string, number>;
}

export interface Reaction {
  messageId: string;
  conversationId: string;
  emoji: string;
}

interface Ack {
  ok: boolean;
  id?: string;
  error?: string;
}

interface ChatState {
  conversationId: string | null;
  messages: Message[];
  typingUsers: string[];
  joinError: string | null;
}

let state: ChatState = { conversationId: null, messages: [], typingUsers: [], joinError: null };
const subscribers = new Set<() => void>();

function setState(patch: Partial<ChatState>): void {
  state = { ...state, ...patch };
  subscribers.forEach((notify) => notify());
}

function updateMessage(clientId: string, patch: Partial<Message>): void {
  setState({ messages: state.messages.map((m) => (m.clientId === clientId ? { ...m, ...patch } : m)) });
}

export function useChat(): ChatState {
  return useSyncExternalStore(
    (notify) => {
      subscribers.add(notify);
      return () => subscribers.delete(notify);
    },
    () => state,
  );
}

export function joinConversation(conversationId: string): void {
  setState({ conversationId, messages: [], typingUsers: [], joinError: null });
  socket.emit(Events.ConversationJoin, conversationId, (res: Ack) => {
    if (!res.ok) setState({ joinError: res.error ?? "could not join" });
  });
}

export function sendMessage(body: string, authorId: string): void {
  if (!state.conversationId) return;
  const optimistic: Message = {
    id: "",
    clientId: crypto.randomUUID(),
    conversationId: state.conversationId,
    authorId,
    body,
    createdAt: new Date().toISOString(),
    status: "sending",
    reactions: {},
  };
  setState({ messages: [...state.messages, optimistic] });
  const payload = { clientId: optimistic.clientId, conversationId: optimistic.conversationId, body };
  socket.emit("message:new", payload, (res: Ack) => {
    updateMessage(optimistic.clientId, res.ok ? { id: res.id, status: "sent" } : { status: "failed" });
  });
}

export function deleteMessage(message: Message): void {
  setState({ messages: state.messages.filter((m) => m.clientId !== message.clientId) });
  socket.emit(Events.MessageDelete, { id: message.id, conversationId: message.conversationId });
}

export function react(message: Message, emoji: string): void {
  const reaction: Reaction = { messageId: message.id, conversationId: message.conversationId, emoji };
  // The server relays reactions to the other members only, so apply ours locally.
  applyReaction(reaction);
  socket.emit("reaction:new", reaction);
}

export function setTyping(isTyping: boolean): void {
  if (!state.conversationId) return;
  socket.emit("typing", { conversationId: state.conversationId, isTyping });
}

// --- incoming events, wired up by <ChatWindow /> ---

export function receiveMessage(incoming: Omit<Message, "status">): void {
  const known = state.messages.some((m) => m.clientId === incoming.clientId);
  setState({
    messages: known
      ? state.messages.map((m) => (m.clientId === incoming.clientId ? { ...incoming, status: "sent" } : m))
      : [...state.messages, { ...incoming, status: "sent" }],
  });
}

export function removeMessage(id: string): void {
  setState({ messages: state.messages.filter((m) => m.id !== id) });
}

export function applyReaction(reaction: Reaction): void {
  setState({
    messages: state.messages.map((m) =>
      m.id === reaction.messageId
        ? { ...m, reactions: { ...m.reactions, [reaction.emoji]: (m.reactions[reaction.emoji] ?? 0) + 1 } }
        : m,
    ),
  });
}

export function setUserTyping(userId: string, isTyping: boolean): void {
  const others = state.typingUsers.filter((u) => u !== userId);
  setState({ typingUsers: isTyping ? [...others, userId] : others });
}

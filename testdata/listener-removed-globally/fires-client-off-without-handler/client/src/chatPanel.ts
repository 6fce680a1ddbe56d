// fires: the panel's cleanup calls off("message:new") with no handler and also removes the unread counter in socket.ts
import { socket } from "./socket";

export function mountChatPanel(): () => void {
  const render = (msg: { text: string }) => console.log(`chat: ${msg.text}`);
  socket.on("message:new", render);
  return () => {
    socket.off("message:new");
  };
}

// silent: components receive the socket as a prop (destructured, `props.socket`, `const { socket } = props`) and emit through it; none imports socket.io-client
import { useState } from "react";

export default function Composer({ socket, room }) {
  const [text, setText] = useState("");
  const send = () => {
    socket?.emit("message", { room, text });
    setText("");
  };
  return (
    <form onSubmit={send}>
      <input value={text} onChange={(e) => setText(e.target.value)} />
    </form>
  );
}

// silent: a React editor emits through `socketRef.current?.emit`, `socket?.emit` and `socket?.timeout(ms).emit`: every event has its handler
import { useEffect, useRef, useState } from "react";
import { io } from "socket.io-client";

export default function Editor({ room }) {
  const socketRef = useRef(null);
  const [status, setStatus] = useState("");

  useEffect(() => {
    const socket = io("http://localhost:3000");
    socketRef.current = socket;
    const onSaved = (id) => setStatus(`saved ${id}`);
    const onTyping = (who) => setStatus(`${who} is typing`);
    socket?.on("draft:saved", onSaved);
    socket?.on("typing", onTyping);
    return () => {
      socket?.off("draft:saved", onSaved);
      socket?.off("typing", onTyping);
      socket.disconnect();
    };
  }, []);

  const save = (draft) => socketRef.current?.emit("draft:save", draft);
  const type = () => socketRef.current?.emit("typing", room);
  const publish = (draft) =>
    socketRef.current?.timeout(5000).emit("draft:publish", draft, (err, res) => {
      setStatus(err ? "offline" : `published ${res.id}`);
    });
  const remove = (id) =>
    socketRef.current?.timeout(5000)?.emit("draft:delete", id, (err) => {
      setStatus(err ? "offline" : "deleted");
    });

  return (
    <div onKeyDown={type}>
      <button onClick={() => save({ id: 1 })}>save</button>
      <button onClick={() => publish({ id: 1 })}>publish</button>
      <button onClick={() => remove(1)}>delete</button>
      <p>{status}</p>
    </div>
  );
}

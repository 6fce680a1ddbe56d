// fires: `socketRef.current?.emit("cursor:mvoe", ...)` misspells the server's "cursor:move", so the packet is dropped
import { useEffect, useRef } from "react";
import { io } from "socket.io-client";

export default function Canvas() {
  const socketRef = useRef(null);

  useEffect(() => {
    socketRef.current = io("http://localhost:3000");
    const onMoved = (id, position) => console.log(id, position);
    socketRef.current?.on("cursor:moved", onMoved);
    return () => {
      socketRef.current?.off("cursor:moved", onMoved);
      socketRef.current?.disconnect();
    };
  }, []);

  const onMouseMove = (event) =>
    socketRef.current?.emit("cursor:mvoe", { x: event.clientX, y: event.clientY });

  return <canvas onMouseMove={onMouseMove} />;
}

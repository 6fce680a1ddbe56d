// silent: the effect removes exactly its own listener with socket.off("notification", onNotification)
import { useEffect, useState } from "react";
import { socket } from "./socket";

export function Notifications() {
  const [items, setItems] = useState<string[]>([]);

  useEffect(() => {
    const onNotification = (note: { text: string }) => setItems((prev) => [...prev, note.text]);
    socket.on("notification", onNotification);
    return () => {
      socket.off("notification", onNotification);
    };
  }, []);

  return (
    <ul>
      {items.map((text, i) => (
        <li key={i}>{text}</li>
      ))}
    </ul>
  );
}

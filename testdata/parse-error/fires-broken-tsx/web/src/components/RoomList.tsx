// Also fires unmatched-emit: "room:leave" has no server handler (checked even though MemberList.tsx fails to parse)
import { useEffect, useState } from "react";
import { socket } from "../socket";

export function RoomList() {
  const [rooms, setRooms] = useState<string[]>([]);
  const [current, setCurrent] = useState<string | null>(null);

  useEffect(() => {
    const onRooms = (list: string[]) => setRooms(list);
    socket.on("room:list", onRooms);
    return () => {
      socket.off("room:list", onRooms);
    };
  }, []);

  function enter(room: string) {
    if (current) socket.emit("room:leave", current);
    socket.emit("room:join", room);
    setCurrent(room);
  }

  return (
    <ul>
      {rooms.map((r) => (
        <li key={r} className={r === current ? "active" : ""} onClick={() => enter(r)}>
          {r}
        </li>
      ))}
    </ul>
  );
}

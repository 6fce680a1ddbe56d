import { useEffect, useState } from "react";
import { io } from "socket.io-client";
import Composer from "./components/Composer";
import Reactions from "./components/Reactions";
import RoomPicker from "./components/RoomPicker";

export default function App() {
  const [socket, setSocket] = useState(null);
  const [room, setRoom] = useState("lobby");
  const [log, setLog] = useState([]);

  useEffect(() => {
    const created = io("http://localhost:3000");
    setSocket(created);
    const onMessage = (message) => setLog((old) => [...old, message]);
    const onReaction = (id, emoji) => setLog((old) => [...old, { id, emoji }]);
    created.on("message", onMessage);
    created.on("reaction", onReaction);
    return () => {
      created.off("message", onMessage);
      created.off("reaction", onReaction);
      created.disconnect();
    };
  }, []);

  return (
    <main>
      <RoomPicker socket={socket} onPick={setRoom} />
      <ul>{log.map((m, i) => <li key={i}>{m.text}</li>)}</ul>
      <Reactions socket={socket} />
      <Composer socket={socket} room={room} />
    </main>
  );
}

// fires: the hook's socket emits "poll:cast"; the server handles "poll:vote"
import { useEffect, useState } from "react";
import { getSocket, useSocket } from "./socket";

export function connectPoll(): void {
  getSocket().connect();
}

export function Poll({ options }: { options: string[] }) {
  const socket = useSocket();
  const [results, setResults] = useState<Record<string, number>>({});

  useEffect(() => {
    const onResults = (next: Record<string, number>) => setResults(next);
    socket.on("poll:results", onResults);
    return () => {
      socket.off("poll:results", onResults);
    };
  }, [socket]);

  return (
    <ul>
      {options.map((o) => (
        <li key={o}>
          <button onClick={() => socket.emit("poll:cast", o)}>{o}</button> {results[o] ?? 0}
        </li>
      ))}
    </ul>
  );
}

// silent: the effect subscribes only once the room is loaded, and returns its cleanup from that same branch
import { useEffect, useState } from "react";
import { socket } from "./socket";

type Joined = { roomId: string; id: string };

export function RoomMembers({ room }: { room: { id: string } | undefined }) {
  const [members, setMembers] = useState<string[]>([]);

  useEffect(() => {
    if (room) {
      socket.connect();
      socket.emit("room:join", room.id);
      const onJoined = (joined: Joined) => {
        if (joined.roomId === room.id) {
          setMembers((current) => [...current, joined.id]);
        }
      };
      socket.on("room:member-joined", onJoined);
      return () => {
        socket.off("room:member-joined", onJoined);
      };
    }
  }, [room]);

  return <ul>{members.map((id) => <li key={id}>{id}</li>)}</ul>;
}

// silent: components read the socket from a React context (`useContext(SocketContext)`, or a `useSocket()` hook around it) that a provider fills with `io(url)`
import { useContext, useEffect } from "react";
import { SocketContext, useSocket } from "../SocketProvider";

export function Board({ id }: { id: string }) {
  const socket = useContext(SocketContext);
  useEffect(() => {
    socket?.emit("board:join", id);
    const onMoved = (cardId: string, column: string) => console.log(cardId, column);
    socket?.on("card:moved", onMoved);
    return () => {
      socket?.off("card:moved", onMoved);
    };
  }, [socket, id]);
  return <Column board={id} name="todo" />;
}

function Column({ board, name }: { board: string; name: string }) {
  const socket = useSocket();
  return <div onDrop={(e) => socket?.emit("card:move", board, e.dataTransfer.getData("id"), name)} />;
}

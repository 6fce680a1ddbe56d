// fires: the socket read from the context emits "presence:pnig", but the server handles "presence:ping"
import { useContext } from "react";
import { SocketContext } from "./context";

export default function Presence() {
  const socket = useContext(SocketContext);
  return <button onClick={() => socket.emit("presence:pnig")}>ping</button>;
}

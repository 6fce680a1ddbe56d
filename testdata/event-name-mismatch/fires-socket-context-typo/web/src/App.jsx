import { io } from "socket.io-client";
import { SocketContext } from "./context";
import Presence from "./Presence";

const socket = io("http://localhost:3000");
socket.on("presence:pong", (at) => console.log("pong", at));

export default function App() {
  return (
    <SocketContext.Provider value={socket}>
      <Presence />
    </SocketContext.Provider>
  );
}

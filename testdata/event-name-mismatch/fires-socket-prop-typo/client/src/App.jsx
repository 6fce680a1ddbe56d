import { io } from "socket.io-client";
import Poll from "./components/Poll";

const socket = io("http://localhost:3000");
socket.on("tally", (pollId, choice) => console.log(pollId, choice));

export default function App() {
  return <Poll socket={socket} pollId={7} />;
}

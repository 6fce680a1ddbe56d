// fires: the socket passed as a prop emits "votes", but the server handles "vote"
export default function Poll({ socket, pollId }) {
  return (
    <div>
      <button onClick={() => socket.emit("votes", pollId, "yes")}>yes</button>
      <button onClick={() => socket.emit("votes", pollId, "no")}>no</button>
    </div>
  );
}

export default function RoomPicker(props) {
  const { socket, onPick } = props;
  const pick = (room) => {
    socket?.emit("room:join", room);
    onPick(room);
  };
  return <button onClick={() => pick("general")}>general</button>;
}

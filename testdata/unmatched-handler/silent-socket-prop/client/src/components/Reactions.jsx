export default function Reactions(props) {
  return (
    <div>
      {["+1", "heart"].map((emoji) => (
        <button key={emoji} onClick={() => props.socket?.emit("reaction", 1, emoji)}>
          {emoji}
        </button>
      ))}
    </div>
  );
}

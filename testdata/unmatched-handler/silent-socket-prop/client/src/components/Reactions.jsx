import { memo } from "react";

const Reactions = memo((props) => (
  <div>
    {["+1", "heart"].map((emoji) => (
      <button key={emoji} onClick={() => props.socket?.emit("reaction", 1, emoji)}>
        {emoji}
      </button>
    ))}
  </div>
));

export default Reactions;

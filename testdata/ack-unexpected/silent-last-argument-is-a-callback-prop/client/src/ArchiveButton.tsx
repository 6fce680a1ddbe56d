// silent: the last argument `props.onArchived` is a callback prop, so the emit may carry an ack
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

type Props = { itemId: number; onArchived: (res: { ok: boolean }) => void };

export function ArchiveButton(props: Props) {
  const archive = () => socket.emit("item:archive", props.itemId, props.onArchived);
  return <button onClick={archive}>Archive</button>;
}

// silent: the executor settles from JSX event props, called when the user answers the dialog
import { createRoot } from "react-dom/client";
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

function Modal(props: { onClose: () => void; onConfirm: () => void }) {
  return (
    <div>
      <button onClick={props.onConfirm}>Leave</button>
      <button onClick={props.onClose}>Stay</button>
    </div>
  );
}

function confirmLeave(): Promise<boolean> {
  return new Promise((resolve) => {
    const host = document.createElement("div");
    document.body.append(host);
    createRoot(host).render(<Modal onClose={() => resolve(false)} onConfirm={() => resolve(true)} />);
  });
}

export async function leaveRoom(room: string) {
  if (await confirmLeave()) {
    socket.emit("room:leave", room);
  }
}

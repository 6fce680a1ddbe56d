// fires: off("todo:created") also removes the badge counter that badge.ts registered on the same socket
import { socket } from "./socket";

export function mountTodoList(list: HTMLUListElement): () => void {
  socket.on("todo:created", (todo: { title: string }) => {
    const item = document.createElement("li");
    item.textContent = todo.title;
    list.append(item);
  });
  return () => {
    socket.off("todo:created");
  };
}

export function addTodo(title: string): void {
  socket.emit("todo:create", title);
}

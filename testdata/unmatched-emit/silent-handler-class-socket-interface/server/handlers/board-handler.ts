import { BoardSocket } from "../util-server";

export function registerBoard(socket: BoardSocket) {
    socket.on("openBoard", (boardId: string) => {
        socket.boardId = boardId;
        socket.emit("boardOpened", boardId);
    });
}

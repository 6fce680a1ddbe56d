// fires: the handler hands `callback` to saveNote() in notes.ts, which never calls it
import { Server } from "socket.io";
import { saveNote, type NoteResult } from "./notes";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("note:add", (data: { text: string }, callback: (res: NoteResult) => void) => {
    saveNote(data.text, callback);
  });
});

import { useEffect, useState } from "react";
import { archiveNote, getNote, saveNote, searchNotes } from "../api/commands";
import type { Note } from "../api/types";

export default function Editor({ noteId }: { noteId: number }) {
  const [note, setNote] = useState<Note | null>(null);
  const [related, setRelated] = useState<Note[]>([]);

  useEffect(() => {
    getNote(noteId).then(setNote);
  }, [noteId]);

  async function save(body: string) {
    await saveNote(noteId, body);
    setRelated(await searchNotes(body.split(" ")[0] ?? ""));
  }

  if (!note) return null;
  return (
    <article>
      <textarea defaultValue={note.body} onBlur={(event) => save(event.target.value)} />
      <button onClick={() => archiveNote(noteId)}>Archive</button>
      <aside>{related.length} related</aside>
    </article>
  );
}

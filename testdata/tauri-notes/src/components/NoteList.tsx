import { useEffect, useState } from "react";
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { listNotes } from "../api/commands";
import { NOTE_SAVED } from "../api/events";
import type { Note } from "../api/types";

interface Props {
  userId: number;
  onSelect: (id: number) => void;
}

export default function NoteList({ userId, onSelect }: Props) {
  const [notes, setNotes] = useState<Note[]>([]);
  const [checked, setChecked] = useState<number[]>([]);

  useEffect(() => {
    let unlisten: UnlistenFn | undefined;
    const refresh = () => listNotes(userId).then(setNotes);
    refresh();
    (async () => {
      unlisten = await listen<number>(NOTE_SAVED, refresh);
    })();
    return () => unlisten?.();
  }, [userId]);

  async function deleteChecked() {
    // BUG: unknown-command: the core registers `delete_note`, not `delete_notes`.
    await invoke("delete_notes", { ids: checked });
    setChecked([]);
  }

  return (
    <section>
      <button disabled={checked.length === 0} onClick={deleteChecked}>
        Delete selected
      </button>
      <ul>
        {notes.map((note) => (
          <li key={note.id} onClick={() => onSelect(note.id)}>
            <input
              type="checkbox"
              checked={checked.includes(note.id)}
              onChange={() => setChecked([...checked, note.id])}
            />
            {note.body.slice(0, 40)}
          </li>
        ))}
      </ul>
    </section>
  );
}

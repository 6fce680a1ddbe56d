export type NoteResult = { ok: boolean; id?: string; error?: string };

const notes = new Map<string, string>();

export function saveNote(text: string, done: (res: NoteResult) => void): void {
  if (text.trim() === "") {
    return;
  }
  const id = String(notes.size + 1);
  notes.set(id, text);
  done({ ok: true, id });
}

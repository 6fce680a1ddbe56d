export type NoteResult = { ok: boolean; id?: string; error?: string };

const notes = new Map<string, string>();

export function saveNote(text: string, done: (res: NoteResult) => void): void {
  const id = String(notes.size + 1);
  notes.set(id, text);
  console.log("saved", id, typeof done);
}

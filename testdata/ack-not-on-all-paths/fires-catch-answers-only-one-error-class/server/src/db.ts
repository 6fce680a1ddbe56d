export type Saved = { ok: boolean; id?: string };

const rows: string[] = [];

export const db = {
  async save(data: { text: string }): Promise<Saved> {
    if (rows.length >= 1000) throw new Error("table full");
    rows.push(data.text);
    return { ok: true, id: String(rows.length) };
  },
};

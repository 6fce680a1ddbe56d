export function normaliseId(raw: string): string {
  const id = raw.trim();
  if (!/^[0-9]+$/.test(id)) {
    throw new Error(`not a profile id: ${raw}`);
  }
  return id;
}

const drafts = new Map<string, string>();

export async function storeDraft(owner: string, text: string): Promise<void> {
  if (text.length > 10_000) throw new Error("draft too long");
  drafts.set(owner, text);
}

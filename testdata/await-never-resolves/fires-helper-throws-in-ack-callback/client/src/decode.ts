export type Profile = { id: string; name: string };

export function decodeProfile(raw: unknown): Profile {
  const value = raw as Partial<Profile> | null;
  if (!value || typeof value.id !== "string" || typeof value.name !== "string") {
    throw new Error("malformed profile");
  }
  return { id: value.id, name: value.name };
}

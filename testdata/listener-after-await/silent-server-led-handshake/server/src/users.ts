export type User = { name: string };

export async function loadUser(token: unknown): Promise<User> {
  return { name: token === "ann-token" ? "ann" : "guest" };
}

import { admin } from "./socket";

export function kick(userId: string): void {
  admin.emit("user:kick", { userId }, (kicked: boolean) => {
    console.log(kicked ? "kicked" : "no such user");
  });
}

admin.on("stats", (stats: { users: number }) => {
  console.log(`${stats.users} users online`);
});

// silent: the client opens "/admin" through new Manager(url).socket("/admin"); the server defines io.of("/admin")
import { Manager } from "socket.io-client";

const manager = new Manager("http://localhost:3000", { reconnectionDelayMax: 10_000 });
const admin = manager.socket("/admin", { auth: { token: "admin-token" } });

export function kick(userId: string): void {
  admin.emit("user:kick", userId);
}

admin.on("user:kicked", (userId: string) => {
  console.log(`kicked ${userId}`);
});

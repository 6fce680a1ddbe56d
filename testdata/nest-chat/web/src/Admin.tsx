import { useEffect, useState } from "react";
import { adminSocket } from "./socket";

export function Admin() {
  const [stats, setStats] = useState<{ admins: number } | null>(null);

  useEffect(() => {
    adminSocket.timeout(3000).emitWithAck("admin:stats").then(setStats, () => setStats(null));
    const onKicked = (userId: string) => console.log("kicked", userId);
    adminSocket.on("admin:kicked", onKicked);
    return () => {
      adminSocket.off("admin:kicked", onKicked);
    };
  }, []);

  function kick(userId: string) {
    adminSocket.timeout(3000).emit("admin:kick", userId, (err: Error | null, done: boolean) => {
      console.log(err ? "kick timed out" : `kicked: ${done}`);
    });
  }

  function report(reason: string) {
    adminSocket.timeout(3000).emitWithAck("report:file", reason).catch(() => undefined);
  }

  return (
    <div>
      <p>{stats?.admins ?? "?"} admins online</p>
      <button onClick={() => kick(prompt("user id") ?? "")}>kick</button>
      <button onClick={() => report(prompt("reason") ?? "")}>report</button>
    </div>
  );
}

import { io } from "socket.io-client";

export function openWorkspace(id: number) {
  const socket = io(`http://localhost:3000/workspace-${id}`);
  socket.on("doc:patched", (patch: { doc: string }) => console.log("patched", patch.doc));
  return {
    edit: (doc: string, ops: unknown[]) => socket.timeout(2000).emitWithAck("doc:edit", { doc, ops }),
  };
}

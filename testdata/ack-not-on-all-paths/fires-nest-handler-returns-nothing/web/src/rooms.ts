import { io } from "socket.io-client";

const socket = io("http://localhost:3000/rooms");

export async function joinRoom(roomId: string): Promise<number> {
  const reply = await socket.timeout(5000).emitWithAck("room:join", roomId);
  return reply.members;
}

socket.on("room:joined", ({ id }: { id: string }) => {
  console.log("joined", id);
});

import jwt from "jsonwebtoken";
import type { Server } from "socket.io";
import { prisma } from "./db.js";

const JWT_SECRET = process.env.JWT_SECRET ?? "dev-secret";

interface NewMessage {
  clientId: string;
  conversationId: string;
  body: string;
}

interface Ack {
  ok: boolean;
  id?: string;
  error?: string;
}

export function registerSocketHandlers(io: Server): void {
  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth.token;
    if (typeof token !== "string") {
      next(new Error("unauthorized"));
      return;
    }
    try {
      const claims = jwt.verify(token, JWT_SECRET) as { sub: string };
      socket.data.userId = claims.sub;
      next();
    } catch {
      next(new Error("unauthorized"));
    }
  });

  io.on("connection", (socket) => {
    const userId: string = socket.data.userId;

    socket.on("conversation:join", (conversationId: string, callback: (res: Ack) => void) => {
      if (typeof conversationId !== "string" || conversationId.length === 0) {
        callback({ ok: false, error: "invalid conversation" });
        return;
      }
      socket.join(conversationId);
      callback({ ok: true });
    });

    socket.on("message:create", async (data: NewMessage, callback: (res: Ack) => void) => {
      try {
        const saved = await prisma.message.create({
          data: { conversationId: data.conversationId, authorId: userId, body: data.body },
        });
        callback({ ok: true, id: saved.id });
        io.to(data.conversationId).emit("message:new", {
          id: saved.id,
          clientId: data.clientId,
          conversationId: saved.conversationId,
          authorId: saved.authorId,
          body: saved.body,
          createdAt: saved.createdAt.toISOString(),
          reactions: {},
        });
      } catch (err) {
        console.error("message:create failed", err);
        callback({ ok: false, error: "could not save message" });
      }
    });

    socket.on("message:delete", async (data: { id: string; conversationId: string }) => {
      try {
        await prisma.message.deleteMany({ where: { id: data.id, authorId: userId } });
        io.to(data.conversationId).emit("message:deleted", { id: data.id });
      } catch (err) {
        console.error("message:delete failed", err);
      }
    });

    socket.on("reaction:new", (reaction: { messageId: string; conversationId: string; emoji: string }) => {
      socket.to(reaction.conversationId).emit("reaction:new", reaction);
    });

    socket.on("typing", (data: { conversationId: string; isTyping: boolean }) => {
      socket.to(data.conversationId).emit("typing", { userId, isTyping: data.isTyping });
    });

    socket.on("disconnect", (reason) => {
      console.log(`user ${userId} disconnected: ${reason}`);
    });
  });
}

import { Router } from "express";
import type { Server } from "socket.io";
import { prisma } from "../db.js";

export function messagesRouter(io: Server): Router {
  const router = Router();

  router.get("/conversations/:id/messages", async (req, res) => {
    const messages = await prisma.message.findMany({
      where: { conversationId: req.params.id },
      orderBy: { createdAt: "asc" },
      take: 100,
    });
    res.json(messages);
  });

  // Moderators delete over REST; connected clients still hear about it over the socket.
  router.delete("/messages/:id", async (req, res) => {
    const message = await prisma.message.findUnique({ where: { id: req.params.id } });
    if (!message) {
      res.status(404).json({ error: "not found" });
      return;
    }
    await prisma.message.delete({ where: { id: message.id } });
    io.to(message.conversationId).emit("message:deleted", { id: message.id });
    res.status(204).end();
  });

  return router;
}

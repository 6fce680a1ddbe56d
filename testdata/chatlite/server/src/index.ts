import { createServer } from "node:http";
import cors from "cors";
import express from "express";
import { Server } from "socket.io";
import { registerSocketHandlers } from "./socket.js";
import { messagesRouter } from "./routes/messages.js";

const PORT = Number(process.env.PORT ?? 3000);
const WEB_ORIGIN = process.env.WEB_ORIGIN ?? "http://localhost:5173";

const app = express();
app.use(cors({ origin: WEB_ORIGIN }));
app.use(express.json());

const httpServer = createServer(app);
const io = new Server(httpServer, {
  cors: { origin: WEB_ORIGIN, credentials: true },
});

registerSocketHandlers(io);
app.use("/api", messagesRouter(io));

httpServer.listen(PORT, () => {
  console.log(`chatlite server listening on :${PORT}`);
});

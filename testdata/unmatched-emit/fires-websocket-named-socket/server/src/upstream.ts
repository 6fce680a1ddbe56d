// fires: this `socket` is a `ws` client of a price feed, so its "message" listener is no Socket.IO handler and the client's `send` stays unmatched
import WebSocket from "ws";

export function watchPrices(onPrice: (price: number) => void): void {
  const socket = new WebSocket("wss://prices.example.com/feed");
  socket.on("message", (data: Buffer) => onPrice(Number(data.toString())));
}

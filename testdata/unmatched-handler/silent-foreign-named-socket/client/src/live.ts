// silent: sockets that are not Socket.IO's, whatever they are called: a browser WebSocket, in a field too, and a typed parameter
export class PriceFeed {
  private socket = new WebSocket("wss://prices.example.com/feed");

  listen(onPrice: (price: number) => void): void {
    this.socket.addEventListener("message", (event) => onPrice(Number(event.data)));
  }

  close(): void {
    this.socket.send("unsubscribe");
    this.socket.close();
  }
}

export function ping(socket: WebSocket): void {
  socket.send("ping");
}

let socket: WebSocket | null = null;
export function connectStatus(url: string): void {
  socket = new WebSocket(url);
  socket.addEventListener("message", (event) => console.log(event.data));
}

// A WebSocket with a reconnect loop of its own is still a WebSocket.
class ReconnectingSocket extends WebSocket {
  retry(): void {
    this.send("resume");
  }
}

export function openDashboard(url: string): void {
  const socket = new ReconnectingSocket(url);
  socket.send("subscribe");
}

// fires: the effect checks `registered.current` but never sets it, so every run adds another listener
import { useEffect, useRef, useState } from "react";
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function Ticker({ symbol }: { symbol: string }) {
  const [price, setPrice] = useState<number | null>(null);
  const registered = useRef(false);

  useEffect(() => {
    if (registered.current) {
      return;
    }
    socket.on("price:update", (next: number) => setPrice(next));
  }, [symbol]);

  return <span>{price ?? "..."}</span>;
}

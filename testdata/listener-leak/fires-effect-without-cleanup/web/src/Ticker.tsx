// fires: the effect adds a "price:update" listener and never removes it, so every mount adds one more
import { useEffect, useState } from "react";
import { socket } from "./socket";

export function Ticker() {
  const [price, setPrice] = useState<number | null>(null);

  useEffect(() => {
    socket.on("price:update", (next: number) => setPrice(next));
  }, []);

  return <span>{price ?? "..."}</span>;
}

// silent: the effect's cleanup removes its own "price:update" listener with socket.off(event, handler)
import { useEffect, useState } from "react";
import { socket } from "./socket";

export function Ticker() {
  const [price, setPrice] = useState<number | null>(null);

  useEffect(() => {
    const onPrice = (next: number) => setPrice(next);
    socket.on("price:update", onPrice);
    return () => {
      socket.off("price:update", onPrice);
    };
  }, []);

  return <span>{price ?? "..."}</span>;
}

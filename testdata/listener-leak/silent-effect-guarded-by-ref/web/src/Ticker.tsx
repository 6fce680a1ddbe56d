// silent: a ref checked and set at the top of the effect makes it register its listeners once, however often it runs
import { useEffect, useRef, useState } from "react";
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function Ticker() {
  const [price, setPrice] = useState<number | null>(null);
  const registered = useRef(false);

  useEffect(() => {
    if (registered.current) {
      return;
    }
    registered.current = true;
    socket.on("price:update", (next: number) => setPrice(next));
  }, []);

  return <span>{price ?? "..."}</span>;
}

// silent: each run of the effect opens its own socket and closes it on cleanup, so listeners never pile up on one socket
import { useEffect, useState } from "react";
import { io } from "socket.io-client";

export function Ticker({ url }: { url: string }) {
  const [price, setPrice] = useState<number | null>(null);

  useEffect(() => {
    const socket = io(url);
    socket.on("price:update", (next: number) => setPrice(next));
    return () => {
      socket.disconnect();
    };
  }, [url]);

  return <span>{price ?? "..."}</span>;
}

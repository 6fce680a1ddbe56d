import { io as ioc } from "socket.io-client";
import { admin } from "./support/namespaces";

const server = admin(3211);
const client = ioc("http://localhost:3211/admin");
client.emit("stats", (count: number) => {
  console.log(count);
  client.close();
  server.close();
});

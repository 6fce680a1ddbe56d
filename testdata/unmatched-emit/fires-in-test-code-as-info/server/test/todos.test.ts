// fires: the test emits an unknown event on purpose and registers a handler that must never fire: in test code, both are info
import { io as connect } from "socket.io-client";
import { io } from "../src/index";

const client = connect("http://localhost:3000");

client.emit("todo:add", { title: "write tests" }, (res: { id: number }) => {
  console.assert(res.id === 1);
});

// The server must ignore events it does not know.
client.emit("todo:unknown", {});

client.on("todo:deleted", () => {
  throw new Error("nothing deletes todos yet");
});

client.on("todo:added", () => {
  client.close();
  io.close();
});

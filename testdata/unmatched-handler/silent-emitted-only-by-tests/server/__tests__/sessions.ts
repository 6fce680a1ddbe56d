// silent: "admin:reset" is emitted only by the tests, which still count as evidence that it is emitted
import { io } from "socket.io-client";

const client = io("http://localhost:3000");

afterEach(() => {
  client.emit("admin:reset");
});

test("a session starts", (done) => {
  client.emit("session:start", { user: "test" });
  client.on("session:started", () => done());
});

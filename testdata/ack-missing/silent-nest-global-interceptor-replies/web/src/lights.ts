import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export async function toggle(on: boolean) {
  return socket.timeout(3000).emitWithAck("lights:switch", on);
}

socket.on("lights:state", (on: boolean) => console.log("lights", on ? "on" : "off"));

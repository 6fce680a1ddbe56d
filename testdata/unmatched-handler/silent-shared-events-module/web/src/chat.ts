// silent: web/ and chat-server/ take their event names from one shared module, so they are one app; push-server/ serves a mobile app outside this repository, so its handler is not judged against web/'s emits
import { io } from "socket.io-client";
import { Events } from "../../shared/events";

const socket = io("http://localhost:3000");

export function say(text: string): void {
  socket.emit(Events.Say, text);
}

socket.on(Events.Message, (text: string) => {
  console.log(text);
});

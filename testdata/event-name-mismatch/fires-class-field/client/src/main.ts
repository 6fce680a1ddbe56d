import { ChatService } from "./ChatService";

const chat = new ChatService();
chat.subscribe((message) => console.log(`${message.from}: ${message.text}`));
document.querySelector("form")?.addEventListener("submit", () => chat.send("hello"));

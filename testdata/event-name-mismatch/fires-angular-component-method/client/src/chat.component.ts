// fires: the method with the typo is called only from the component template (chat.component.html), which wirelint does not read; a decorated class is driven by its framework, so the typo stays an error
import { Component } from "@angular/core";
import { io } from "socket.io-client";

@Component({
  selector: "app-chat",
  templateUrl: "./chat.component.html",
})
export class ChatComponent {
  private socket = io("http://localhost:3000");
  text = "";

  send(): void {
    this.socket.emit("chat:mesage", this.text);
    this.text = "";
  }
}

// silent: Babel's function-bind operator (`::this.send`, `socket::handler`) is read, so the socket code of this older React component is checked
import React from "react";
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export default class Chat extends React.Component {
  state = { messages: [], draft: "" };

  componentDidMount() {
    socket.on("chat:message", ::this.receive);
  }

  receive(text) {
    this.setState({ messages: [...this.state.messages, text] });
  }

  send() {
    socket.emit("chat:say", this.state.draft);
    this.setState({ draft: "" });
  }

  render() {
    const log = console::console.log;
    log(this.state.messages.length);
    return (
      <form onSubmit={::this.send}>
        <input value={this.state.draft} />
      </form>
    );
  }
}

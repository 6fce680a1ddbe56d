// fires: nothing here says where `app.io` comes from, so the server's socket is only guessed at: its handler for "chat:send" is kept, and the client's "chat:post" is reported as info instead of being hidden
import "socket.io";

export function attachChat(app) {
  app.io.on("connection", (socket) => {
    socket.on("chat:send", (text) => {
      console.log(text);
    });
  });
}

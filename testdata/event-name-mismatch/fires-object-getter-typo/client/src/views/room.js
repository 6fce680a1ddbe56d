// fires: `chat.socket` is the socket the service's getter returns, and "room:leve" is a typo of "room:leave"
import chat from "../services/chat";

export function enterRoom(roomId) {
  chat.start();
  chat.socket.emit("room:join", roomId);
  return () => chat.socket.emit("room:leve", roomId);
}

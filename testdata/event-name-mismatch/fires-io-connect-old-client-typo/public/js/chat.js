var socket = io.connect(window.location.origin, { reconnect: true });

socket.on("chat:message", function (text) {
  var item = document.createElement("li");
  item.textContent = text;
  document.getElementById("log").appendChild(item);
});

function send(text) {
  socket.emit("chat:message", text);
}

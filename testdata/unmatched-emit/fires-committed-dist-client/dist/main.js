// fires: a hand-written client the server serves from its committed `dist/` folder clears the board with an event the server does not handle
(function () {
  var socket = io();
  var canvas = document.getElementsByClassName("whiteboard")[0];

  function drawLine(x0, y0, x1, y1, emit) {
    var context = canvas.getContext("2d");
    context.moveTo(x0, y0);
    context.lineTo(x1, y1);
    context.stroke();
    if (!emit) return;
    socket.emit("drawing", { x0: x0, y0: y0, x1: x1, y1: y1 });
  }

  canvas.addEventListener("dblclick", function () {
    socket.emit("clear");
  });

  socket.on("drawing", function (data) {
    drawLine(data.x0, data.y0, data.x1, data.y1, false);
  });
})();

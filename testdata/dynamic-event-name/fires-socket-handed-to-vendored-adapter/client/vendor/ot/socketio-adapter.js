/* global ot */
ot.SocketIOAdapter = (function () {
  function SocketIOAdapter (socket) {
    this.socket = socket
    socket.on('set_name', (clientId, name) => console.log(clientId, name))
    socket.on('operation', (clientId, revision, operation) => console.log(clientId, revision, operation))
  }
  SocketIOAdapter.prototype.sendOperation = function (revision, operation) {
    this.socket.emit('operation', revision, operation)
  }
  return SocketIOAdapter
})()

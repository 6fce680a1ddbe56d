export function SocketIOAdapter (socket) {
  this.socket = socket
  socket.on('operation', (clientId, revision, operation) => console.log(clientId, revision, operation))
}

SocketIOAdapter.prototype.sendOperation = function (revision, operation) {
  this.socket.emit('operation', revision, operation)
}

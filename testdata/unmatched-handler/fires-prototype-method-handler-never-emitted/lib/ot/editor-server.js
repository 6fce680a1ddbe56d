// fires: the prototype method receives the socket, and no client emits "get_operations"
function EditorServer (docId) {
  this.docId = docId
  this.revision = 0
}

EditorServer.prototype.addClient = function (socket) {
  socket.join(this.docId)
  socket.emit('doc', { docId: this.docId, revision: this.revision })
  const self = this
  socket.on('operation', function (revision, operation) {
    self.onOperation(socket, revision, operation)
  })
  socket.on('get_operations', (base) => {
    socket.emit('ack', base)
  })
}

EditorServer.prototype.onOperation = function (socket, revision, operation) {
  this.revision = revision + 1
  socket.emit('ack', this.revision)
  socket.broadcast.to(this.docId).emit('operation', operation)
}

module.exports = EditorServer

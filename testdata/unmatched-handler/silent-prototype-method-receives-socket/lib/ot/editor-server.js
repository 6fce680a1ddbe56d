// silent: a prototype method receives the connection's socket from `note.editor.addClient(socket)`
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
}

EditorServer.prototype.onOperation = function (socket, revision, operation) {
  this.revision = revision + 1
  socket.emit('ack', this.revision)
  socket.broadcast.to(this.docId).emit('operation', operation)
}

module.exports = EditorServer

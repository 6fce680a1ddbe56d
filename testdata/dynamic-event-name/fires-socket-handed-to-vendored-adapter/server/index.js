const io = require('socket.io')(3000)

io.on('connection', (socket) => {
  socket.emit('doc', { text: '' })
  // Handled by the editor adapter the page loads from its vendored copy.
  socket.emit('set_name', socket.id, 'guest')
  socket.on('operation', (revision, operation) => {
    socket.broadcast.emit('operation', socket.id, revision, operation)
  })
})

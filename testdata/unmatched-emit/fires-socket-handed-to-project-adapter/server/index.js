const io = require('socket.io')(3000)

io.on('connection', (socket) => {
  socket.emit('doc', { text: '' })
  // The project's own adapter does not listen for it.
  socket.emit('set_name', socket.id, 'guest')
  socket.on('operation', (revision, operation) => {
    socket.broadcast.emit('operation', socket.id, revision, operation)
  })
})

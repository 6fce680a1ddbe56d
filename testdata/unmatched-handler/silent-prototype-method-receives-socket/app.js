const realtime = require('./lib/realtime')
const io = require('socket.io')(3000)

io.sockets.on('connection', realtime.connection)

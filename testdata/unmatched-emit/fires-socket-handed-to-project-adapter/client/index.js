// fires: the socket is handed to the project's own adapter, which does not listen for "set_name"
import { io } from 'socket.io-client'
import { SocketIOAdapter } from './socketio-adapter'

const socket = io()

socket.on('doc', (doc) => {
  const adapter = new SocketIOAdapter(socket)
  adapter.sendOperation(0, doc.text)
})

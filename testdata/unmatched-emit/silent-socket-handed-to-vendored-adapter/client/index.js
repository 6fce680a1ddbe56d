// silent: the socket is handed to an adapter from a vendored script (never linted), which listens and emits on it
/* global ot */
import { io } from 'socket.io-client'

const socket = io()
const SocketIOAdapter = ot.SocketIOAdapter

socket.on('doc', (doc) => {
  const adapter = new SocketIOAdapter(socket)
  adapter.sendOperation(0, doc.text)
})

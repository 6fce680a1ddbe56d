// fires: the socket is handed to an adapter from a vendored script (never linted): an info says its side may listen for and emit anything, and the server's events are not reported as unmatched
/* global ot */
import { io } from 'socket.io-client'

const socket = io()
const SocketIOAdapter = ot.SocketIOAdapter

socket.on('doc', (doc) => {
  const adapter = new SocketIOAdapter(socket)
  adapter.sendOperation(0, doc.text)
})

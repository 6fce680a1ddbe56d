import { io } from 'socket.io-client'

const socket = io({ query: { noteId: 'a' } })
let revision = 0

socket.on('doc', (doc) => { revision = doc.revision })
socket.on('ack', (next) => { revision = next })
socket.on('operation', (operation) => console.log('remote', operation))

export function sendOperation (operation) {
  socket.emit('operation', revision, operation)
}

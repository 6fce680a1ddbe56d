const ot = require('./ot')

const notes = {}
const queue = []

function parseNoteId (socket, callback) {
  const noteId = socket.handshake.query.noteId
  setImmediate(() => callback(null, noteId))
}

function finishConnection (socket, noteId) {
  const note = notes[noteId]
  note.editor.addClient(socket)
  queue.splice(queue.indexOf(socket), 1)
}

function startConnection (socket, noteId) {
  if (!notes[noteId]) {
    return loadNote(noteId).then(() => finishConnection(socket, noteId))
  }
  return finishConnection(socket, noteId)
}

function loadNote (noteId) {
  notes[noteId] = { id: noteId, editor: new ot.EditorServer(noteId) }
  return Promise.resolve(notes[noteId])
}

function connection (socket) {
  parseNoteId(socket, (err, noteId) => {
    if (err) return socket.disconnect(true)
    queue.push(socket)
    startConnection(socket, noteId)
  })
}

module.exports = { connection }

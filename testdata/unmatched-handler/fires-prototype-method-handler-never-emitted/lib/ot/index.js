exports.version = '1.0.0'
exports.EditorServer = require('./editor-server')

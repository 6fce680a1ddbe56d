const { io } = require("socket.io-client");

// Opens the notes socket under the app's base path.
const connect = (baseUrl, namespace = "/", options = {}) => {
  const url = new URL(namespace, baseUrl);
  return io(url.href, { ...options, path: new URL("socket.io", baseUrl).pathname });
};

exports.connect = connect;

exports.handleMessage = async (socket, message) => {
  if (message.type === "CHANGESET") {
    socket.broadcast.emit("message", { type: "NEW_CHANGES", changeset: message.changeset });
    return { accepted: true };
  }
  return { ignored: message.type };
};

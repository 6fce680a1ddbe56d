// silent: CommonJS handler module (module.exports = (socket) => ...) required and called with the connection socket
const todos = [];

module.exports = (socket) => {
  socket.on("todo:add", (title, callback) => {
    if (typeof title !== "string" || title.trim() === "") {
      callback({ ok: false, error: "title required" });
      return;
    }
    const todo = { id: todos.length + 1, title: title.trim(), done: false };
    todos.push(todo);
    callback({ ok: true, todo });
    socket.broadcast.emit("todo:added", todo);
  });

  socket.on("todo:list", (callback) => {
    callback(todos);
  });
};

// fires: the CommonJS handler module broadcasts "todo:created"; the client listens for "todo:added"
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
    socket.broadcast.emit("todo:created", todo);
  });

  socket.on("todo:list", (callback) => {
    callback(todos);
  });
};

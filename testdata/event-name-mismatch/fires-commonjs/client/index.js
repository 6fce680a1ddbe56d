const { io } = require("socket.io-client");

const socket = io("http://localhost:3000");

socket.on("todo:added", (todo) => {
  console.log(`someone added: ${todo.title}`);
});

function addTodo(title) {
  socket.emit("todo:add", title, (res) => {
    if (!res.ok) console.error(res.error);
  });
}

function listTodos() {
  socket.emit("todo:list", (todos) => {
    todos.forEach((t) => console.log(`${t.done ? "x" : " "} ${t.title}`));
  });
}

module.exports = { addTodo, listTodos };

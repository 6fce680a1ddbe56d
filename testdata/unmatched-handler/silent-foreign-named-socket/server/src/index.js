const { Server } = require("socket.io");
const net = require("node:net");
const cluster = require("cluster");
const { createClient } = require("redis");
const pg = require("pg");
const { EventEmitter } = require("events");

const io = new Server(3000);
io.on("connection", (socket) => {
  socket.on("chat:say", (text) => io.emit("chat:message", text));
});

// A TCP socket to a legacy service: its "data" and "close" are not events of the graph.
const socket = net.connect(7000, "legacy.internal");
socket.on("data", (chunk) => io.emit("chat:message", chunk.toString()));
socket.write("hello\n");

const client = createClient();
client.on("error", (err) => console.error(err));

const sock = new pg.Client();
sock.on("notification", (msg) => io.emit("chat:message", msg.payload));

if (cluster.isPrimary) {
  const socket = cluster.fork();
  socket.on("message", (msg) => console.log(msg));
  socket.send({ cmd: "start" });
}

const bus = new EventEmitter();
const clientSocket = bus;
clientSocket.emit("tick");

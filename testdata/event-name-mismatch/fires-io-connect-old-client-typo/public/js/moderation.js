// fires: the moderation page (0.9-style `io.connect(url).of("/mod")` on the page's global `io`) emits "user:kik", but the "/mod" namespace listens for "user:kick"
var mod = io.connect("http://localhost:3000").of("/mod");
var bans = io.connect("http://localhost:3000" + "/bans");

function kick(userId) {
  mod.emit("user:kik", userId);
}

function ban(userId) {
  bans.emit("ban:add", userId);
}

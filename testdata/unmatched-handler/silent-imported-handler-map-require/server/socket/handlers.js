// silent: each key of the handler map the connection module requires is emitted by the client
const presence = new Map();

function onJoin(user, ack) {
  presence.set(user.id, user);
  ack([...presence.values()]);
}

module.exports = {
  "presence:join": onJoin,
  "presence:leave"(userId) {
    presence.delete(userId);
  },
};

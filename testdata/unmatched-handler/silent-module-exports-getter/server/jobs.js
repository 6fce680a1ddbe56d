// silent: `realtime.io` is the server the module's getter returns, so the job's broadcast reaches the dashboard's handler
const realtime = require("./realtime");

let processed = 0;

function onJobDone() {
  processed += 1;
  realtime.io.to("stats").emit("stats:update", { processed });
}

module.exports = { onJobDone };

// silent: `pads.connect(url)` is the CLI package's own client, not the project's `connect` that returns a Socket.IO socket
const pads = require("pad-cli-client");

const pad = pads.connect(process.argv[2]);
pad.on("connected", () => {
  pad.append("hello");
});
pad.on("disconnected", () => process.exit(1));

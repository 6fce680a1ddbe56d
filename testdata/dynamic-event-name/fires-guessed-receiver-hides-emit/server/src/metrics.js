// fires: `app.io` cannot be resolved, so the computed-name handlers below are only guessed to be on a socket; they are why "metrics:tick" is not reported, and that is said
const METRICS = (process.env.METRICS ?? "").split(",");

export function attachMetrics(app) {
  app.io.on("connection", (socket) => {
    for (const metric of METRICS) {
      socket.on(metric, (value) => console.log(metric, value));
    }
  });
}

// A TCP proxy on 127.0.0.1 that adds a round-trip time to every request, as a distant cloud endpoint would: each chunk
// is held for half of it on the way to the server and half on the way back, in order, without slowing throughput.
//   node latency-proxy.js LISTEN_PORT UPSTREAM_PORT ROUND_TRIP_MS
"use strict";
const net = require("net");

const [listenPort, upstreamPort, roundTripMs] = process.argv.slice(2).map(Number);
if (!listenPort || !upstreamPort || !(roundTripMs >= 0)) {
  console.error("usage: node latency-proxy.js LISTEN_PORT UPSTREAM_PORT ROUND_TRIP_MS");
  process.exit(2);
}
const oneWay = roundTripMs / 2;

// Forwards what `from` sends to `to`, each chunk after the one-way delay; timers of equal delay fire in order.
function forward(from, to) {
  from.on("data", (chunk) => setTimeout(() => { if (!to.destroyed) to.write(chunk); }, oneWay));
  from.on("end", () => setTimeout(() => { if (!to.destroyed) to.end(); }, oneWay));
  from.on("error", () => to.destroy());
  from.on("close", () => setTimeout(() => to.destroy(), oneWay + 1));
}

const server = net.createServer((client) => {
  client.setNoDelay(true);
  const upstream = net.connect(upstreamPort, "127.0.0.1");
  upstream.setNoDelay(true);
  forward(client, upstream);
  forward(upstream, client);
});
server.listen(listenPort, "127.0.0.1", () =>
  console.log(`latency proxy listening on 127.0.0.1:${listenPort}, ${roundTripMs} ms per round trip to 127.0.0.1:${upstreamPort}`));
process.on("SIGTERM", () => process.exit(0));

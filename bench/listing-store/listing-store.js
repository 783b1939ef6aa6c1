// An in-memory server of the S3, Azure Blob and GCS listing APIs on 127.0.0.1, for the listing benchmarks only: it
// stands in for a cloud endpoint whose own cost per page is negligible (the emulators spend ~0.2 CPU-s per 1,000-key
// page), so that the client's work and the round trips (latency-proxy.js) are what the figures show.
//   node listing-store.js [--port N] [--region us-east-1] [--log FILE] --bucket NAME=LAYOUT [--bucket ...]
// LAYOUT: flat:N | grid:FOLDERS:PER_FOLDER | file:PATH (see buckets.js). One port serves all three APIs: a request
// with x-ms-version is Azure (http://host/ACCOUNT/CONTAINER), one under /storage/v1/ is GCS, any other is S3 (path
// style). Prints "listing store listening on http://127.0.0.1:PORT" once the buckets are loaded.
"use strict";
const fs = require("fs");
const http = require("http");
const { loadBucket } = require("./buckets");
const { handleS3 } = require("./s3-api");
const { handleAzure } = require("./azure-api");
const { handleGcs } = require("./gcs-api");

function parseArguments(argv) {
  const options = { port: 0, region: "us-east-1", log: null, buckets: [] };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case "--port": options.port = Number(value); i++; break;
      case "--region": options.region = value; i++; break;
      case "--log": options.log = value; i++; break;
      case "--bucket": options.buckets.push(value); i++; break;
      default: throw new Error(`Unknown argument '${argv[i]}'.`);
    }
  }
  if (!options.buckets.length) throw new Error("Give at least one --bucket NAME=LAYOUT.");
  return options;
}

function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (e) {
    console.error(`${e.message}\nusage: node listing-store.js [--port N] [--region R] [--log FILE] --bucket NAME=flat:N|grid:FOLDERS:PER_FOLDER|file:PATH ...`);
    process.exit(2);
  }
  const started = Math.floor(Date.now() / 1000) * 1000;
  const store = { buckets: new Map(), region: options.region, started, etag: "0x8D" + started.toString(16).toUpperCase().padStart(13, "0").slice(-13) };
  for (const spec of options.buckets) {
    const bucket = loadBucket(spec, started);
    // Sort now, not on the first request: answering must cost nothing the benchmark would count.
    bucket.codePointOrder;
    bucket.utf16Order;
    store.buckets.set(bucket.name, bucket);
  }
  const log = options.log ? fs.createWriteStream(options.log, { flags: "a" }) : null;

  const server = http.createServer((request, response) => {
    if (log) response.on("finish", () => log.write(`${request.method} ${request.url} ${response.statusCode}\n`));
    try {
      const url = new URL(request.url, "http://127.0.0.1");
      if (request.headers["x-ms-version"] !== undefined) handleAzure(request, response, url, store);
      else if (url.pathname.startsWith("/storage/v1/")) handleGcs(request, response, url, store);
      else handleS3(request, response, url, store);
    } catch (e) {
      console.error(`${request.method} ${request.url}: ${e.stack}`);
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
      response.end(String(e.message));
    }
  });
  // Clients keep connections open between pages; close idle ones later than any client would reuse them.
  server.keepAliveTimeout = 65000;
  server.headersTimeout = 66000;
  server.listen(options.port, "127.0.0.1", () => {
    const sizes = [...store.buckets.values()].map((b) => `${b.name} ${b.objects.length}`).join(", ");
    console.log(`listing store listening on http://127.0.0.1:${server.address().port} (${sizes})`);
  });
  const stop = () => server.close(() => process.exit(0)) && setTimeout(() => process.exit(0), 1000).unref();
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main();

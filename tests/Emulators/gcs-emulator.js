// Serves the GCS JSON API of the Cloud Storage emulator inside the pinned firebase-tools, without the Firebase CLI
// (which needs Java 21 and fetches a rules engine and remote config from the network). The rules runtime is stubbed:
// the GCS API routes never evaluate rules. Uses firebase-tools internals, so its version is pinned in package.json.
// Run: TMPDIR=<own dir> HOST=127.0.0.1 PORT=9199 node gcs-emulator.js  (give every instance its own TMPDIR: the
// emulator keeps object bytes under $TMPDIR/firebase and deletes that folder when it stops).
"use strict";
const path = require("path");
const lib = process.env.FIREBASE_TOOLS_LIB || path.join(__dirname, "node_modules/firebase-tools/lib");
const { StorageEmulator } = require(path.join(lib, "emulator/storage"));
const { EmulatorRegistry } = require(path.join(lib, "emulator/registry"));

const host = process.env.HOST || "127.0.0.1";
const port = parseInt(process.env.PORT || "9199", 10);
const emulator = new StorageEmulator({ projectId: process.env.PROJECT || "demo-encordspec", host, port, rules: [], auto_download: false });
emulator._rulesRuntime.start = async () => {};
emulator._rulesRuntime.stop = async () => {};
emulator._rulesManager.start = async () => ({ errors: [], warnings: [] });
emulator._rulesManager.stop = async () => {};

// Registering is required: without it the first upload fails with "Cannot determine host and port of storage".
EmulatorRegistry.start(emulator).then(
  () => console.log(`gcs-emulator listening on http://${host}:${port}`),
  (error) => { console.error(error); process.exit(1); });

function stop() { emulator.stop().finally(() => process.exit(0)); }
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

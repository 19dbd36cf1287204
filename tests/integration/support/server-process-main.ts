import { bootDatabase, readEnvOrExit, startMailIfSetUp } from "../../../app/server/boot";
import { createHttpApp } from "../../../app/server/http-app";
import type { ServerProcessReady } from "./server-process";

/*
 * The production server as a process of its own, for tests that kill it
 * (crash.test.ts). server-process.ts bundles this file and runs it with plain
 * `node`. It boots the way `npm start` does (bootDatabase: migrations, then
 * the demo data only into an empty database), but on a free port, which it
 * reports to the parent over the IPC channel, with whether demo data was loaded.
 */

const buildDir = process.env.TRAITKIT_BUILD_DIR;
if (!buildDir) {
  console.error("TRAITKIT_BUILD_DIR is not set");
  process.exit(1);
}
process.env.NODE_ENV = "production";
const env = readEnvOrExit();
const booted = await bootDatabase({ ...env, NODE_ENV: "production" });
// With SMTP_URL and MAIL_FROM set, the outbox's worker runs here as it does under `npm start`.
const mailWorker = startMailIfSetUp(booted);
const app = await createHttpApp({ db: booted.db, env, source: { kind: "production", buildDir }, mailWorker });
const server = app.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("The server has no TCP address");
  const ready: ServerProcessReady = { port: address.port, demoLoaded: booted.demoLoaded };
  process.send?.(ready);
});

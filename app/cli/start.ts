// First: the dependencies below load in their production builds (see production-mode.ts).
import "./production-mode";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { readEnvOrExit, serve } from "../server/boot";
import { precompressBuild } from "./precompress";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BUILD_DIR = path.join(ROOT, "build");
const SOURCES = ["app", "public", "vite.config.ts", "package-lock.json"];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((newest, child) => Math.max(newest, newestMtime(path.join(entry, child))), stat.mtimeMs);
}

/** Builds only when a source is newer than the last build, so a restart is instant. */
async function buildIfNeeded(): Promise<void> {
  const built = fs.statSync(path.join(BUILD_DIR, "server", "index.js"), { throwIfNoEntry: false });
  const sourcesChanged = SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > (built?.mtimeMs ?? 0));
  if (built && !sourcesChanged) return;
  console.log("Building Traitkit…");
  // Warnings and errors only: the list of every file built is for `npm run build`, not for starting.
  const result = spawnSync("npx", ["remix", "vite:build", "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) {
    console.error("The build failed; see the messages above.");
    process.exit(1);
  }
  // As `npm run build` does: the assets' brotli and gzip files.
  await precompressBuild(BUILD_DIR);
  console.log("Built.");
}

const env = readEnvOrExit();
await buildIfNeeded();
await serve({ ...env, NODE_ENV: "production" }, { kind: "production", buildDir: BUILD_DIR });

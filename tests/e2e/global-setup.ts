import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { serverLogErrors } from "./server-log";
import { freePort } from "../../app/cli/free-port";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    /** The shared server's database: test files write the records they need into it (tests/e2e/factories.ts). */
    databasePath: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, "../..");

async function waitForHealth(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited (${server.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer /healthz within 60 s:\n${output()}`);
}

export type AppServer = {
  baseURL: string;
  databasePath: string;
  /** Ends the server, removes its folder and returns everything it printed, and the lines of it that are errors. */
  stop: () => Promise<{ output: string; errors: string[] }>;
};

/**
 * Starts the production server, as `npm start` does, on a new database in a
 * folder of its own, with `env` on top of the production settings.
 */
export async function startAppServer(env: Record<string, string>): Promise<AppServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-e2e-"));
  const databasePath = path.join(dir, "traitkit.sqlite");
  const port = await freePort();
  let output = "";
  let stdout = "";
  let stderr = "";
  const server = spawn(process.execPath, ["--import", "tsx", "app/cli/start.ts"], {
    cwd: ROOT,
    env: {
      // The server is a production process, not part of the test run: Vitest's own variables stay out.
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST"))),
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: databasePath,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  server.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    stderr += chunk.toString();
  });
  const baseURL = `http://127.0.0.1:${port}`;
  await waitForHealth(baseURL, server, () => output);
  return {
    baseURL,
    databasePath,
    stop: async () => {
      if (server.exitCode === null) {
        server.kill("SIGTERM");
        await new Promise((r) => server.once("exit", r));
      }
      fs.rmSync(dir, { recursive: true, force: true });
      return { output, errors: serverLogErrors({ stdout, stderr }) };
    },
  };
}

/** The server every browser test file shares, on a new demo database. */
export default async function setup(project: TestProject) {
  const app = await startAppServer({ TRAITKIT_DEMO: "1" });
  project.provide("baseURL", app.baseURL);
  project.provide("databasePath", app.databasePath);

  return async () => {
    const { output, errors } = await app.stop();
    // A server-side error during the run fails the suite even when every page looked right.
    if (errors.length > 0) {
      throw new Error(`The server logged errors during the browser tests:\n${errors.join("\n")}\n\nEverything it printed:\n${output}`);
    }
  };
}

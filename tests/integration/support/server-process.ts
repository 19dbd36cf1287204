import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { build } from "vite";
import { SOURCE_ALIASES } from "../../../vite.config";
import { REPO_ROOT } from "./test-server";

/*
 * The production server as a child process that a test may SIGKILL and start
 * again on the same database file. The entry (server-process-main.ts) is
 * TypeScript; running it through tsx costs about a second per start here, so
 * it is bundled once with Vite and then started with plain `node` (~0.6 s).
 */

/** What the child reports over IPC once it listens. */
export type ServerProcessReady = { port: number; demoLoaded: boolean };

export type ServerProcess = {
  baseURL: string;
  /** Whether this start loaded the demo data (only a new, empty database gets it). */
  demoLoaded: boolean;
  /** SIGKILL, then wait for the exit; throws when the process had already died on its own. */
  kill: () => Promise<void>;
  /** The last lines the process wrote, for failure messages. */
  output: () => string;
};

export type ServerRunner = { file: string; remove: () => void };

const BUILD_DIR = path.join(REPO_ROOT, "build");
const ENTRY = path.join(REPO_ROOT, "tests", "integration", "support", "server-process-main.ts");
const READY_TIMEOUT_MS = 20_000;
const OUTPUT_KEPT = 8_000;

/**
 * Bundles the child's entry. The bundle lives under node_modules/.cache so
 * that Node finds the packages it leaves external (better-sqlite3, express…).
 */
export async function bundleServerRunner(): Promise<ServerRunner> {
  if (!fs.existsSync(path.join(BUILD_DIR, "server", "index.js"))) {
    throw new Error(`No production build in ${BUILD_DIR}: run \`npm run build\` first.`);
  }
  const cache = path.join(REPO_ROOT, "node_modules", ".cache");
  fs.mkdirSync(cache, { recursive: true });
  const outDir = fs.mkdtempSync(path.join(cache, "traitkit-server-process-"));
  try {
    await build({
      configFile: false,
      root: REPO_ROOT,
      logLevel: "warn",
      resolve: { alias: SOURCE_ALIASES },
      build: {
        ssr: ENTRY,
        outDir,
        emptyOutDir: false,
        copyPublicDir: false,
        minify: false,
        target: "node20",
        rollupOptions: { output: { format: "esm", entryFileNames: "server-process.mjs" } },
      },
    });
  } catch (error) {
    fs.rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  return { file: path.join(outDir, "server-process.mjs"), remove: () => fs.rmSync(outDir, { recursive: true, force: true }) };
}

function isReady(message: unknown): message is ServerProcessReady {
  return typeof message === "object" && message !== null && "port" in message && typeof message.port === "number";
}

/** Keeps the tail of what the child writes, so a failure can show why it died. */
function recordOutput(child: ChildProcess): () => string {
  let kept = "";
  const keep = (chunk: Buffer) => {
    kept = (kept + chunk.toString("utf8")).slice(-OUTPUT_KEPT);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => kept;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForReady(child: ChildProcess, output: () => string): Promise<ServerProcessReady> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`The server process did not listen within ${READY_TIMEOUT_MS} ms:\n${output()}`));
    }, READY_TIMEOUT_MS);
    child.once("message", (message) => {
      clearTimeout(timer);
      if (isReady(message)) resolve(message);
      else reject(new Error(`Unexpected message from the server process: ${JSON.stringify(message)}`));
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server process exited before listening (${code ?? signal}):\n${output()}`));
    });
  });
}

/** Starts the bundled server on a database file, with the environment `npm start` would have. */
export async function startServerProcess(
  runner: ServerRunner,
  databasePath: string,
  /** More settings, e.g. SMTP_URL and MAIL_FROM for the outbox's worker. */
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [runner.file], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_PATH: databasePath,
      TRAITKIT_DEMO: "1",
      TRAITKIT_BUILD_DIR: BUILD_DIR,
      LOG_LEVEL: "warn",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const output = recordOutput(child);
  const ready = await waitForReady(child, output);
  // Only the ready message is expected; the channel must not keep the test's event loop alive.
  child.disconnect();
  return {
    baseURL: `http://127.0.0.1:${ready.port}`,
    demoLoaded: ready.demoLoaded,
    output,
    kill: async () => {
      if (hasExited(child)) {
        throw new Error(`The server process had died on its own (${child.exitCode ?? child.signalCode}):\n${output()}`);
      }
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGKILL");
      await exited;
    },
  };
}

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./free-port";

/*
 * A throwaway PostgreSQL server for the tests and the benchmark: a new cluster
 * (initdb) in a temporary folder, listening on a free loopback port, run by a
 * user who is not root (PostgreSQL refuses root), removed when stopped. It uses
 * Debian's `postgresql` package; nothing is downloaded.
 */

/** The one command that installs what this needs, printed when it is missing. */
export const POSTGRES_INSTALL_COMMAND = "sudo apt-get install -y postgresql";

/** The folder with initdb and postgres: PG_BIN, else the newest of Debian's /usr/lib/postgresql/<version>/bin, else PATH. */
export function findPostgresBin(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debian, version, "bin")));
  }
  candidates.push(...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean));
  return candidates.find((dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "postgres"))) ?? null;
}

/** The uid and gid of a user from /etc/passwd (the package's `postgres` user). */
function systemUser(name: string): { uid: number; gid: number } | null {
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

export type ScratchPostgres = {
  /** A connection URL to one database of the server (default: the maintenance database "postgres"). */
  url: (database?: string) => string;
  /** The folder of pg_dump, pg_restore and psql of the same version. */
  bin: string;
  /** Makes a new, empty database with a name of its own and returns its URL. */
  createDatabase: (prefix?: string) => Promise<string>;
  /** Drops a database createDatabase made (its connections must be closed). */
  dropDatabase: (url: string) => Promise<void>;
  stop: () => Promise<void>;
};

const SUPERUSER = "traitkit";

export async function startScratchPostgres(): Promise<ScratchPostgres> {
  const bin = findPostgresBin();
  if (bin === null)
    throw new Error(`PostgreSQL's server programs (initdb, postgres) are not installed. Install them with:\n  ${POSTGRES_INSTALL_COMMAND}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-pg-"));
  const data = path.join(dir, "data");
  // PostgreSQL will not run as root: as root, run it as the package's own user.
  const runAs = process.getuid?.() === 0 ? systemUser("postgres") : null;
  if (process.getuid?.() === 0 && runAs === null) throw new Error("Running as root and there is no `postgres` user to run PostgreSQL as");
  if (runAs) fs.chownSync(dir, runAs.uid, runAs.gid);
  const asUser = runAs ? { uid: runAs.uid, gid: runAs.gid } : {};

  // C collation: text sorts and lower-cases as SQLite does (byte order, ASCII case), the setting boot requires.
  const init = spawnSync(path.join(bin, "initdb"), ["-D", data, "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], {
    ...asUser,
    cwd: dir,
    encoding: "utf8",
  });
  if (init.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
  }
  const port = await freePort();
  let output = "";
  const server: ChildProcess = spawn(
    path.join(bin, "postgres"),
    ["-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"],
    { ...asUser, cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
  );
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const killOnExit = () => server.kill("SIGKILL");
  process.once("exit", killOnExit);

  const url = (database = "postgres") => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
  const stop = async () => {
    process.removeListener("exit", killOnExit);
    if (server.exitCode === null) {
      // SIGINT: PostgreSQL's fast shutdown, which ends open connections.
      server.kill("SIGINT");
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`PostgreSQL exited at start:\n${output}`);
    }
    const client = new pg.Client({ connectionString: url() });
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`PostgreSQL did not accept connections within 30 s: ${String(error)}\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return {
    url,
    bin,
    createDatabase: (prefix) => createDatabaseOn(url(), prefix),
    dropDatabase: (databaseUrl) => dropDatabaseOn(url(), databaseUrl),
    stop,
  };
}

let made = 0;

async function asAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the server of `adminUrl` (a superuser's URL), named uniquely; returns its URL. */
export async function createDatabaseOn(adminUrl: string, prefix = "traitkit"): Promise<string> {
  const name = `${prefix}_${process.pid}_${++made}_${Math.random().toString(36).slice(2, 8)}`;
  await asAdmin(adminUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database createDatabaseOn made, ending any connection still open to it. */
export async function dropDatabaseOn(adminUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await asAdmin(adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
}

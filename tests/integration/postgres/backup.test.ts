import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { backupPostgres, postgresTableCounts, splitPassword } from "../../../app/cli/backup";
import { restorePostgres } from "../../../app/cli/restore";
import { createDatabaseOn, dropDatabaseOn, POSTGRES_INSTALL_COMMAND } from "../../../app/cli/scratch-postgres";
import { recordAudit } from "../../../app/models/audit.server";
import { createPostgresDb, type TraitkitDb } from "~db/connection";
import { migrateToLatest } from "~db/migrator";
import { loadDemoData } from "../../../seeds/demo";
import { REPO_ROOT } from "../support/test-server";

/*
 * Issue 24 (operations): with DATABASE_URL, `npm run backup` is a checked
 * pg_dump archive and `npm run restore` puts it back with pg_restore in one
 * transaction; without the programs, they say what to install and run.
 */

const adminUrl = inject("postgresAdminUrl");

let dir: string;
let url: string;
let db: TraitkitDb;

function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** A URL of the test database with a password: the run's server trusts local connections, so it still connects. */
function urlWithPassword(password: string): string {
  const withPassword = new URL(url);
  withPassword.password = password;
  return withPassword.toString();
}

function runCli(script: "backup" | "restore", args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `app/cli/${script}.ts`, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: "test", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}

describe("backup and restore on PostgreSQL", () => {
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-pg-backup-"));
    url = await createDatabaseOn(adminUrl, "backup");
    ({ db } = createPostgresDb(url, { poolSize: 2 }));
    await migrateToLatest(db);
    expect((await loadDemoData(db, new Date("2026-11-22T12:00:00.000Z"))).loaded).toBe(true);
  });

  afterEach(async () => {
    await db.destroy();
    await dropDatabaseOn(adminUrl, url);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("restores the database as it was at the backup: a later change is gone, every count is the backup's", async () => {
    const file = path.join(dir, "traitkit.dump");
    const atBackup = await postgresTableCounts(db);
    const { tables } = await backupPostgres(url, file);
    // One "TABLE DATA" entry per table, the migration records included.
    expect(tables).toBe(atBackup.length);
    const role = await db.selectFrom("roles").select(["id", "name"]).orderBy("id").executeTakeFirstOrThrow();

    // Changes after the backup: a new audit row, a renamed role, a removed decision.
    await recordAudit(db, { actorUserId: null, action: "user.create", entityType: "user", entityId: 1 }, new Date());
    await db.updateTable("roles").set({ name: "Renamed after the backup" }).where("id", "=", role.id).execute();
    await db
      .deleteFrom("decisions")
      .where(
        "id",
        "=",
        db.selectFrom("decisions").select((eb) => eb.fn.min("id").as("id")),
      )
      .execute();
    expect(await postgresTableCounts(db)).not.toEqual(atBackup);

    // Restore refuses while the app (here: this pool) is connected.
    await expect(restorePostgres(file, { kind: "postgres", url, poolSize: 1 })).rejects.toThrow(/other connection\(s\).*Stop them first/);
    await db.destroy();

    const restored = await restorePostgres(file, { kind: "postgres", url, poolSize: 1 });
    expect(restored.migrations).toEqual([]);
    expect(restored.counts).toEqual(atBackup);
    ({ db } = createPostgresDb(url, { poolSize: 2 }));
    expect(await db.selectFrom("roles").select(["id", "name"]).where("id", "=", role.id).executeTakeFirst()).toEqual(role);
    expect(await postgresTableCounts(db)).toEqual(atBackup);
    // The identity sequences came back too: the next row takes the id after the restored ones.
    const maxBefore = await db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirstOrThrow();
    await recordAudit(db, { actorUserId: null, action: "user.create", entityType: "user", entityId: 2 }, new Date());
    const maxAfter = await db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirstOrThrow();
    expect(maxAfter.id).toBeGreaterThan(Number(maxBefore.id));
  });

  it("npm run backup writes a checked dump, refuses to overwrite it, and never prints the password", () => {
    const file = path.join(dir, "cli.dump");
    const env = { DATABASE_URL: urlWithPassword("pw-Secret-42") };
    const first = runCli("backup", [file], env);
    expect(first.status, first.output).toBe(0);
    expect(first.stdout).toMatch(/Checked it with pg_restore --list: the data of \d+ tables\./);
    expect(first.output).not.toContain("pw-Secret-42");
    const written = sha256(file);

    const second = runCli("backup", [file], env);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain("already exists; refusing to overwrite it");
    expect(sha256(file)).toBe(written);
    // No partial file left beside it either.
    expect(fs.readdirSync(dir)).toEqual(["cli.dump"]);
  });

  it("npm run restore puts a dump back and migrates; it refuses a file that is not a dump", async () => {
    const file = path.join(dir, "cli.dump");
    expect(runCli("backup", [file], { DATABASE_URL: url }).status).toBe(0);
    const before = await postgresTableCounts(db);
    await db.deleteFrom("audit_log").execute();
    await db.destroy();

    const env = { DATABASE_URL: urlWithPassword("pw-Secret-42") };
    const notADump = path.join(dir, "notes.txt");
    fs.writeFileSync(notADump, "not a dump");
    const refused = runCli("restore", [notADump], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("is not a readable pg_dump archive");

    const restored = runCli("restore", [file], env);
    expect(restored.status, restored.output).toBe(0);
    expect(restored.stdout).toContain("Migrations: already up to date.");
    expect(restored.output).not.toContain("pw-Secret-42");
    ({ db } = createPostgresDb(url, { poolSize: 2 }));
    expect(await postgresTableCounts(db)).toEqual(before);
  });

  it("without pg_dump or pg_restore, says what to install and the exact command, without the password", () => {
    const env = { DATABASE_URL: urlWithPassword("pw-Secret-42"), PG_BIN: path.join(dir, "no-postgres-here") };
    const file = path.join(dir, "missing.dump");
    const { url: shown } = splitPassword(env.DATABASE_URL);
    expect(shown).not.toContain("pw-Secret-42");

    const backup = runCli("backup", [file], env);
    expect(backup.status).toBe(1);
    expect(backup.stderr).toContain("pg_dump was not found");
    expect(backup.stderr).toContain(`  ${POSTGRES_INSTALL_COMMAND}\n`);
    expect(backup.stderr).toContain(`  pg_dump --format=custom --file ${file} ${shown}\n`);
    expect(backup.output).not.toContain("pw-Secret-42");
    expect(fs.existsSync(file)).toBe(false);

    fs.writeFileSync(file, "a file to restore");
    const restore = runCli("restore", [file], env);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain("pg_restore was not found");
    expect(restore.stderr).toContain(`  pg_restore --clean --if-exists --single-transaction --no-owner --dbname ${shown} ${file}\n`);
    expect(restore.output).not.toContain("pw-Secret-42");
  });
});

describe("splitPassword", () => {
  it("takes the password out of the user part and out of a password parameter", () => {
    expect(splitPassword("postgres://app:p%40ss@db.internal:5432/traitkit?sslmode=require")).toEqual({
      url: "postgres://app@db.internal:5432/traitkit?sslmode=require",
      password: "p@ss",
    });
    expect(splitPassword("postgres://app@db.internal/traitkit?password=hunter2&sslmode=require")).toEqual({
      url: "postgres://app@db.internal/traitkit?sslmode=require",
      password: "hunter2",
    });
    expect(splitPassword("postgres://app@db.internal/traitkit")).toEqual({
      url: "postgres://app@db.internal/traitkit",
      password: undefined,
    });
  });
});

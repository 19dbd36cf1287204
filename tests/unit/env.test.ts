import { describe, expect, it } from "vitest";
import { databaseTarget, DEFAULT_POOL_SIZE, describeTarget } from "~db/connection";
import { parseEnv } from "../../app/utils/env.server";

describe("configuration", () => {
  it("defaults to port 3000, data/traitkit.sqlite and demo data on", () => {
    expect(parseEnv({})).toMatchObject({ PORT: 3000, DATABASE_PATH: "data/traitkit.sqlite", TRAITKIT_DEMO: true });
  });

  it("loads the Traitkit library unless TRAITKIT_LIBRARY=0", () => {
    expect(parseEnv({}).TRAITKIT_LIBRARY).toBe(true);
    expect(parseEnv({ TRAITKIT_LIBRARY: "0" }).TRAITKIT_LIBRARY).toBe(false);
  });

  it("turns demo data off with TRAITKIT_DEMO=0", () => {
    expect(parseEnv({ TRAITKIT_DEMO: "0" }).TRAITKIT_DEMO).toBe(false);
  });

  it("names every bad variable in one message", () => {
    expect(() => parseEnv({ PORT: "eighty", TRAITKIT_DEMO: "maybe" })).toThrow(
      /PORT: must be a port number[\s\S]*TRAITKIT_DEMO: must be 1 or 0/,
    );
  });

  it("refuses a port out of range", () => {
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT: must be between 1 and 65535/);
  });

  it("looks for overdue scorecards every minute unless MAIL_REMINDER_CHECK_SECONDS says otherwise, within 1 s to 1 h", () => {
    expect(parseEnv({}).MAIL_REMINDER_CHECK_SECONDS).toBe(60);
    expect(parseEnv({ MAIL_REMINDER_CHECK_SECONDS: "5" }).MAIL_REMINDER_CHECK_SECONDS).toBe(5);
    expect(() => parseEnv({ MAIL_REMINDER_CHECK_SECONDS: "0" })).toThrow(/MAIL_REMINDER_CHECK_SECONDS: must be between 1 and 3600/);
    expect(() => parseEnv({ MAIL_REMINDER_CHECK_SECONDS: "1.5" })).toThrow(/MAIL_REMINDER_CHECK_SECONDS: must be a whole number/);
  });

  it("treats an empty variable as not set", () => {
    expect(parseEnv({ PORT: "", HOST: "" })).toMatchObject({ PORT: 3000, HOST: "127.0.0.1" });
  });

  it("uses SQLite at DATABASE_PATH unless DATABASE_URL names a PostgreSQL database, with a pool of 10 unless told", () => {
    expect(databaseTarget(parseEnv({}))).toEqual({ kind: "sqlite", file: "data/traitkit.sqlite" });
    const env = parseEnv({ DATABASE_URL: "postgres://traitkit:s3cret@db.internal:5432/traitkit", DATABASE_POOL_SIZE: "4" });
    expect(databaseTarget(env)).toEqual({ kind: "postgres", url: "postgres://traitkit:s3cret@db.internal:5432/traitkit", poolSize: 4 });
    expect(databaseTarget(parseEnv({ DATABASE_URL: "postgresql://db/traitkit" }))).toMatchObject({ poolSize: DEFAULT_POOL_SIZE });
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/traitkit" })).toThrow(
      /DATABASE_URL: must be a URL starting postgres:\/\/ or postgresql:\/\//,
    );
    expect(() => parseEnv({ DATABASE_POOL_SIZE: "0" })).toThrow(/DATABASE_POOL_SIZE: must be between 1 and 100/);
  });

  it("names the database at start-up without the URL's user or password", () => {
    const shown = describeTarget({ kind: "postgres", url: "postgres://traitkit:s3cret@db.internal:5432/traitkit", poolSize: 4 });
    expect(shown).toBe("PostgreSQL at db.internal:5432/traitkit (pool of 4)");
    expect(describeTarget({ kind: "sqlite", file: "data/traitkit.sqlite" })).toBe("data/traitkit.sqlite");
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withStatementCache } from "~db/connection";

let dir: string;
let sqlite: SQLite.Database;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-statements-"));
  sqlite = new SQLite(path.join(dir, "cache.sqlite"));
  sqlite.exec("create table notes (id integer primary key, text text not null)");
});

afterEach(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("withStatementCache", () => {
  it("compiles a SQL text once and reuses the statement", () => {
    const cached = withStatementCache(sqlite);
    const first = cached.prepare("select * from notes where id = ?");
    expect(cached.prepare("select * from notes where id = ?")).toBe(first);
    cached.prepare("insert into notes (text) values (?)").run(["one"]);
    cached.prepare("insert into notes (text) values (?)").run(["two"]);
    expect(cached.prepare("select * from notes where id = ?").all([2])).toEqual([{ id: 2, text: "two" }]);
  });

  it("keeps only the most recently used statements", () => {
    const cached = withStatementCache(sqlite, 2);
    const a = cached.prepare("select 1");
    const b = cached.prepare("select 2");
    expect(cached.prepare("select 1")).toBe(a); // now the most recent
    cached.prepare("select 3"); // evicts "select 2", the least recently used
    expect(cached.prepare("select 1")).toBe(a);
    expect(cached.prepare("select 2")).not.toBe(b);
  });

  it("answers with the new schema after a migration changed the table", () => {
    const cached = withStatementCache(sqlite);
    cached.prepare("insert into notes (text) values (?)").run(["kept"]);
    expect(cached.prepare("select * from notes").all([])).toEqual([{ id: 1, text: "kept" }]);
    sqlite.exec("alter table notes add column author text");
    expect(cached.prepare("select * from notes").all([])).toEqual([{ id: 1, text: "kept", author: null }]);
  });
});

import crypto from "node:crypto";
import fc from "fast-check";
import { sql } from "kysely";
import type { TraitkitDb } from "~db/connection";
import { dialectOf } from "~db/dialect";
import { createSession, hashToken } from "../../../app/models/sessions.server";
import { tableNames } from "./database-reading";
import { sessionCookieHeader } from "./test-server";

/*
 * Building blocks of tests/integration/fuzz.test.ts: hostile values, forms
 * mutated from a valid one, bodies in every encoding a client can send, a
 * checksum of the whole database, sessions that survive fuzzed logouts, and
 * the per-route request counts the README quotes.
 */

// ---------- Values ----------

const HUGE = 100_000;

/** Inputs that broke real web apps: kept as constants so every run tries them. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\t\n\r",
  "\u0000",
  "a\u0000b",
  "\u202Eevil\u202C",
  "مرحبا بالعالم",
  "שלום",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "e\u0301\u0302\u0303\u0304\u0305",
  "Z̸̡̢̛̛̛͓̖̗̘̙̜̝̞̟̠̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌̕̚ͅ͏͓͔͕͖͙͚͐͑͒͗͛",
  "\uFEFF",
  "\uD800",
  "x".repeat(HUGE),
  // Multibyte texts are shorter: their encoded size (up to 12 bytes a character) is what the server reads.
  "é".repeat(HUGE / 5),
  "🙂".repeat(HUGE / 10),
  "<script>alert(1)</script>",
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  "../../../etc/passwd",
  "%00",
  "%ZZ",
  "__proto__",
  "constructor",
  "[object Object]",
  "null",
  "undefined",
  "true",
  "on",
  "{}",
  "[]",
];

/** Numbers as a form carries them: out of range, negative, fractional, not numbers at all. */
export const HOSTILE_NUMBERS: readonly string[] = [
  "0",
  "-0",
  "-1",
  "1.5",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "1e21",
  "9007199254740993",
  "99999999999999999999999",
  "2147483648",
  "0x10",
  "1_000",
  " 3 ",
  "3 ",
  "03",
  "+4",
  "4.0",
  "1/2",
];

export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  );
}

export function hostileNumber(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.double({ noDefaultInfinity: false }).map(String) },
    { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
  );
}

/** Anything a field might receive: mostly garbage, sometimes a valid value so later checks are reached too. */
export function fieldValue(valid?: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const garbage = fc.oneof(hostileString(), hostileNumber());
  return valid ? fc.oneof({ weight: 2, arbitrary: valid }, { weight: 3, arbitrary: garbage }) : garbage;
}

/** Field names no form has, and names that attack the parsers (prototype keys, deep or huge indexes). */
export function garbageFieldName(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      "__proto__",
      "__proto__.polluted",
      "constructor.prototype.polluted",
      "questions.99999.text.en",
      "questions.-1.source",
      "a.b.c.d.e.f.g.h",
      "rating.1.openness.extra",
      "",
      ".",
      "..",
      "intent",
    ),
    fc.constantFrom(...known).map((name) => `${name}.0`),
    fc.string({ unit: "grapheme", maxLength: 20 }),
  );
}

// ---------- Forms ----------

export type Entry = readonly [name: string, value: string];

/** How a mutation changes a valid form: each reaches a different check of the server. */
type Mutation =
  | { kind: "drop"; at: number }
  | { kind: "replace"; at: number; value: string }
  | { kind: "repeat"; at: number; value: string }
  | { kind: "add"; name: string; value: string };

function mutation(known: readonly string[], valueFor: (name: string) => fc.Arbitrary<string>): fc.Arbitrary<Mutation> {
  const at = fc.nat({ max: 10_000 });
  return fc.oneof(
    fc.record({ kind: fc.constant("drop" as const), at }),
    // The replacement's value depends on the field it lands on, so pick the field first.
    at.chain((i) => {
      const name = known.length === 0 ? "" : (known[i % known.length] ?? "");
      return fc.record({
        kind: fc.constantFrom("replace" as const, "repeat" as const),
        at: fc.constant(i),
        value: fieldValue(valueFor(name)),
      });
    }),
    fc.record({ kind: fc.constant("add" as const), name: garbageFieldName(known.length > 0 ? known : ["x"]), value: fieldValue() }),
  );
}

function applyMutation(entries: Entry[], m: Mutation): Entry[] {
  if (m.kind === "add") return [...entries, [m.name, m.value]];
  if (entries.length === 0) return entries;
  const i = m.at % entries.length;
  const target = entries[i];
  if (!target) return entries;
  if (m.kind === "drop") return entries.filter((_, j) => j !== i);
  if (m.kind === "replace") return entries.map((e, j) => (j === i ? ([e[0], m.value] as const) : e));
  // A repeated field: parsers that keep the first value must not be fooled by a second one, and vice versa.
  const repeated: Entry = [target[0], m.value];
  return [...entries.slice(0, i + 1), repeated, ...entries.slice(i + 1)];
}

/**
 * A valid form (which the server accepts) changed by zero to `max` mutations:
 * the unchanged form reaches the deepest code (the write), a few mutations
 * reach every validation rule behind the first one.
 */
export function mutatedForm(
  base: readonly Entry[],
  valueFor: (name: string) => fc.Arbitrary<string> = () => hostileString(),
  max = 4,
): fc.Arbitrary<Entry[]> {
  const known = [...new Set(base.map(([name]) => name))];
  return fc.array(mutation(known, valueFor), { maxLength: max }).map((mutations) => mutations.reduce(applyMutation, [...base]));
}

export function entriesOf(fields: URLSearchParams | Record<string, string | readonly string[]>): Entry[] {
  if (fields instanceof URLSearchParams) return [...fields.entries()];
  return Object.entries(fields).flatMap(([name, value]) =>
    typeof value === "string" ? [[name, value] as const] : value.map((v) => [name, v] as const),
  );
}

// ---------- Bodies ----------

/**
 * How the body travels. Browsers send the first two; the rest are what
 * scripts and attackers send to a form endpoint, and must get a 4xx.
 */
export type Encoding = "urlencoded" | "multipart" | "multipart-files" | "json" | "text" | "broken-multipart" | "none";

export function encoding(): fc.Arbitrary<Encoding> {
  return fc.oneof(
    { weight: 14, arbitrary: fc.constant("urlencoded" as const) },
    { weight: 3, arbitrary: fc.constant("multipart" as const) },
    { weight: 2, arbitrary: fc.constant("multipart-files" as const) },
    { weight: 1, arbitrary: fc.constantFrom("json" as const, "text" as const, "broken-multipart" as const, "none" as const) },
  );
}

export type Body = { body?: BodyInit; contentType?: string };

/** The entries as one encoding. "multipart-files" sends every value as a file where a text is expected (a wrong type). */
export function encodeBody(entries: readonly Entry[], how: Encoding): Body {
  return encodeBounded(boundedEntries(entries), how);
}

/** A value above this many characters is "huge"; one per body is sent in full. */
const LONG = 2000;

/**
 * Keeps one huge value per body and cuts the others to LONG characters. A body
 * refused before it is read (sign-in required, unknown id) is left unread by
 * the server; past a few hundred kilobytes the upload then stalls until Node's
 * keep-alive timeout (5 s), which would make the run slow, not find bugs.
 */
export function boundedEntries(entries: readonly Entry[]): Entry[] {
  let hugeSeen = false;
  return entries.map(([name, value]) => {
    if (value.length <= LONG) return [name, value] as const;
    if (!hugeSeen) {
      hugeSeen = true;
      return [name, value] as const;
    }
    return [name, value.slice(0, LONG)] as const;
  });
}

function encodeBounded(entries: readonly Entry[], how: Encoding): Body {
  switch (how) {
    case "urlencoded":
      return { body: new URLSearchParams(entries.map(([n, v]) => [n, v])), contentType: "application/x-www-form-urlencoded;charset=UTF-8" };
    case "multipart":
    case "multipart-files": {
      const form = new FormData();
      entries.forEach(([name, value], i) => {
        if (how === "multipart-files" && i % 2 === 0) form.append(name, new Blob([value], { type: "application/octet-stream" }), "x.bin");
        else form.append(name, value);
      });
      // fetch sets the multipart Content-Type with its boundary.
      return { body: form };
    }
    case "json":
      return { body: JSON.stringify(Object.fromEntries(entries)), contentType: "application/json" };
    case "text":
      return { body: entries.map(([n, v]) => `${n}=${v}`).join("\n"), contentType: "text/plain" };
    case "broken-multipart":
      // A boundary that never closes: a truncated upload.
      return {
        body: `--fuzz\r\nContent-Disposition: form-data; name="${entries[0]?.[0] ?? "x"}"\r\n\r\nhalf`,
        contentType: "multipart/form-data; boundary=fuzz",
      };
    case "none":
      return {};
  }
}

/**
 * A POST as request() of test-server.ts sends it (same-site Origin, English),
 * with any body and Content-Type, which request() cannot send.
 */
export async function postBody(
  baseURL: string,
  pathname: string,
  body: Body,
  options: { cookie?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers = new Headers({ "Accept-Language": "en", Origin: baseURL });
  if (options.cookie) headers.set("Cookie", options.cookie);
  if (body.contentType) headers.set("Content-Type", body.contentType);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  const send = () => fetch(new URL(pathname, baseURL), { method: "POST", headers, body: body.body, redirect: "manual" });
  try {
    return await send();
  } catch (error) {
    if (!isResetReusedConnection(error)) throw error;
    // A request refused before its large body was read (sign-in required, unknown id) ends with Node
    // closing that connection; fetch then reuses the dead socket for the next request. Browsers retry
    // a request whose reused connection was reset before any answer, and so does this.
    return send();
  }
}

function isResetReusedConnection(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code === "ECONNRESET" || cause?.code === "UND_ERR_SOCKET";
}

/** A short, printable account of a value for failure messages (a 100k string would bury the report). */
export function brief(value: unknown, max = 160): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (text === undefined) return String(value);
  const escaped = JSON.stringify(text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text);
  return escaped;
}

// ---------- Paths ----------

/** Path segments that attack routing and parameter parsing. Already URL-encoded where needed. */
export function hostileSegment(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      "0",
      "-1",
      "1.5",
      "1e3",
      "01",
      "NaN",
      "9007199254740993",
      "99999999999999999999999",
      "%2e%2e",
      "..%2f..%2fetc%2fpasswd",
      "%00",
      "%ZZ",
      "%",
      "%E0%A4%A",
      "%C0%AF",
      ".",
      "...",
      "a.b",
      // Long, but short enough that the sign-in redirect's Location (the path, escaped again) stays under fetch's 16 KB header limit.
      "x".repeat(3000),
      "%F0%9F%99%82".repeat(150),
      "__proto__",
      "constructor",
      "MLOPS-ENGINEER",
      "mlops-engineer ",
      "mlops--engineer",
    ),
    hostileNumber().map(encodeURIComponent),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }).map(encodeURIComponent),
    // Raw unicode: fetch encodes it, the server must decode it.
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }).filter((s) => !/[/?#\\%]/.test(s) && s !== "." && s !== ".."),
  );
}

function encodeQueryPart(value: string): string {
  return new URLSearchParams([["", value]]).toString().slice(1);
}

/** A query string of known and unknown keys with hostile values. */
export function hostileQuery(keys: readonly string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(keys.length > 0 ? keys : ["q"])) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  // Cut short: the sign-in redirect repeats the query, escaped again, in its Location header (fetch reads at most 16 KB).
  const value = fc.oneof(
    hostileNumber(),
    hostileString().map((s) => s.slice(0, 500)),
    hostileSegment(),
  );
  return fc.array(fc.tuple(key, value), { maxLength: 4 }).map((pairs) =>
    // Values with a % are sent as they are (malformed escapes included); the rest encoded, lone surrogates as U+FFFD.
    pairs.length === 0 ? "" : `?${pairs.map(([k, v]) => `${encodeQueryPart(k)}=${/%/.test(v) ? v : encodeQueryPart(v)}`).join("&")}`,
  );
}

// ---------- The database ----------

/** Columns that change on requests that change nothing else; the reason is given where they are passed in. */
export type IgnoredColumns = Readonly<Record<string, readonly string[]>>;

export type Checksums = Map<string, string>;

function digest(rows: readonly unknown[]): string {
  // Rows in a stable order whatever the table's storage order: sort their serializations.
  const lines = rows.map((row) => JSON.stringify(row)).sort();
  return crypto.createHash("sha256").update(lines.join("\n")).digest("hex");
}

/**
 * A checksum of every table (those added later included), one per table;
 * SQLite's sqlite_sequence one per counter, so that an insert deleted still
 * shows as the counter it bumped. PostgreSQL's sequences are not read: they
 * move on for an insert that is rolled back too, by design, which changes no data.
 */
export async function databaseChecksums(db: TraitkitDb, ignored: IgnoredColumns): Promise<Checksums> {
  if (dialectOf(db) === "postgres") return postgresChecksums(db, ignored);
  const sums: Checksums = new Map();
  for (const name of await tableNames(db)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    if (name === "sqlite_sequence") {
      for (const row of rows) sums.set(`sqlite_sequence:${String(row.name)}`, digest([row]));
      continue;
    }
    const skip = ignored[name] ?? [];
    sums.set(
      name,
      digest(
        skip.length === 0 ? rows : rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !skip.includes(column)))),
      ),
    );
  }
  return sums;
}

/**
 * The same checksums computed by PostgreSQL itself, in one query: reading
 * every table to the test process twice per fuzzed request took minutes there.
 * Each row as JSON without its ignored columns, in a fixed order, hashed per table.
 */
async function postgresChecksums(db: TraitkitDb, ignored: IgnoredColumns): Promise<Checksums> {
  const perTable = (await tableNames(db)).map((name) => {
    const row = (ignored[name] ?? []).reduce((json, column) => sql`(${json} - ${sql.lit(column)})`, sql`to_jsonb(t)`);
    return sql`select ${sql.lit(name)} as name, md5(coalesce(string_agg(${row}::text, E'\n' order by ${row}::text), '')) as sum from ${sql.table(name)} as t`;
  });
  const { rows } = await sql<{ name: string; sum: string }>`${sql.join(perTable, sql` union all `)}`.execute(db);
  return new Map(rows.map((row) => [row.name, row.sum]));
}

/** Tables whose checksum differs, except those a response may change. */
export function changedTables(before: Checksums, after: Checksums, allowed: readonly string[] = []): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  const isAllowed = (name: string) => allowed.includes(name) || allowed.includes(name.replace(/^sqlite_sequence:/, ""));
  return [...names].filter((name) => before.get(name) !== after.get(name) && !isAllowed(name)).sort();
}

// ---------- Sessions ----------

/**
 * Sessions made directly in the database (no sign-in form, so no password
 * hashing and no sign-in throttle), checked before each use: a fuzzed logout
 * or sign-in may end one, and the next request then gets a new one.
 */
export class Sessions {
  private readonly cookies = new Map<number, string>();
  /** Sessions made so far: a database checksum taken before the last one is stale. */
  writes = 0;

  constructor(private readonly db: TraitkitDb) {}

  /** The user's long-lived session, renewed when a fuzzed request ended it. */
  async cookieFor(userId: number): Promise<string> {
    const current = this.cookies.get(userId);
    if (current && (await this.isLive(current))) return current;
    const cookie = await this.throwaway(userId);
    this.cookies.set(userId, cookie);
    return cookie;
  }

  /** A session of its own for a request that may end it (logout, sign-in over a session). */
  async throwaway(userId: number): Promise<string> {
    this.writes += 1;
    return sessionCookieHeader(await createSession(this.db, userId, new Date()));
  }

  private async isLive(cookie: string): Promise<boolean> {
    const id = cookie.slice(cookie.indexOf("=") + 1);
    const row = await this.db.selectFrom("sessions").select("user_id").where("id_hash", "=", hashToken(id)).executeTakeFirst();
    return row !== undefined;
  }
}

// ---------- Counts ----------

/** Requests sent per route and the statuses they got, for the summary the README quotes. */
export class FuzzStats {
  private readonly routes = new Map<string, Map<number, number>>();

  record(route: string, status: number): void {
    const statuses = this.routes.get(route) ?? new Map<number, number>();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    this.routes.set(route, statuses);
  }

  count(route: string, status: number): number {
    return this.routes.get(route)?.get(status) ?? 0;
  }

  total(): number {
    let n = 0;
    for (const statuses of this.routes.values()) for (const count of statuses.values()) n += count;
    return n;
  }

  summary(): string {
    const lines = [...this.routes.entries()].map(([route, statuses]) => {
      const count = [...statuses.values()].reduce((a, b) => a + b, 0);
      const byStatus = [...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join(" ");
      return `${String(count).padStart(5)}  ${route}  (${byStatus})`;
    });
    return [...lines, `${String(this.total()).padStart(5)}  in all`].join("\n");
  }
}

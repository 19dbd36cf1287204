import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraitkitDb } from "~db/connection";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { migrateToLatest } from "~db/migrator";
import { listCandidates } from "../../app/models/candidates.server";
import { listRoles } from "../../app/models/roles.server";
import { loadDemoData } from "../../seeds/demo";

/*
 * Issue 16, 7: a search finds rows with every word somewhere in the searched
 * columns, in any order ("engineer ml" finds "ML Engineer").
 */

let database: TestDatabase | undefined;
let db: TraitkitDb;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ db } = database);
  await migrateToLatest(db);
  await loadDemoData(db, new Date("2026-04-01T09:00:00.000Z"));
});

afterAll(async () => {
  await database?.drop();
});

const roleNames = async (query: string) => (await listRoles(db, { query, profile: "all" })).map((role) => role.name);
const candidateNames = async (q: string) => (await listCandidates(db, { q, sort: "name", page: 1 })).rows.map((row) => row.name);

describe("role search", () => {
  it("finds the roles with every word, in any order and any case", async () => {
    const found = await roleNames("engineer ml");
    expect(found).toEqual(expect.arrayContaining(["ML Engineer", "MLOps Engineer"]));
    expect(found).not.toContain("Data Scientist");
    expect(await roleNames("ML  ENGINEER")).toEqual(found);
  });

  it("needs every word: one that matches nothing finds nothing", async () => {
    expect(await roleNames("engineer zebra")).toEqual([]);
  });

  it("takes LIKE's wildcards literally", async () => {
    expect(await roleNames("%")).toEqual([]);
    expect(await roleNames("_")).toEqual([]);
  });
});

describe("candidate search", () => {
  it("finds a candidate by words of the name in any order", async () => {
    expect(await candidateNames("lovelace ada")).toEqual(["Ada Demo-Lovelace"]);
  });

  it("lets the words match different columns: one the name, one the email", async () => {
    const [ada] = await candidateNames("lovelace ada");
    const email =
      (
        await db
          .selectFrom("candidates")
          .select("email")
          .where("name", "=", ada ?? "")
          .executeTakeFirstOrThrow()
      ).email ?? "";
    const domain = email.split("@")[1] ?? "";
    expect(domain).not.toBe("");
    expect(await candidateNames(`${domain} ada`)).toEqual(["Ada Demo-Lovelace"]);
  });
});

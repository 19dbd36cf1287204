import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bootDatabase } from "../../app/server/boot";
import { addLibrary, syncLibrary } from "../../app/models/library.server";
import { readRoleFile } from "../../app/models/role-export.server";
import { replaceRole } from "../../app/models/role-writes.server";
import { createUser } from "../../app/models/users.server";
import { parseEnv } from "../../app/utils/env.server";
import type { TraitkitDb } from "~db/connection";
import { libraryData, type LibraryData } from "../../seeds/library";

/*
 * Issue 16, 6: every deployment starts with the Traitkit library, not only
 * the demo; a later start adds what is new and never overwrites a
 * recruiter's edits or brings back what they deleted.
 */

const LIBRARY = libraryData();
let dir: string;
let file: string;
const open: TraitkitDb[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-library-"));
  file = path.join(dir, "traitkit.sqlite");
});

afterEach(async () => {
  for (const db of open.splice(0)) await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A start as `npm start` makes it, with these variables. */
async function start(variables: Record<string, string>): Promise<TraitkitDb> {
  const booted = await bootDatabase(parseEnv({ DATABASE_PATH: file, ...variables }));
  open.push(booted.db);
  return booted.db;
}

async function stop(db: TraitkitDb): Promise<void> {
  open.splice(open.indexOf(db), 1);
  await db.destroy();
}

async function roleSlugs(db: TraitkitDb): Promise<string[]> {
  return (await db.selectFrom("roles").select("slug").orderBy("slug").execute()).map((row) => row.slug);
}

async function skillProfileCount(db: TraitkitDb): Promise<number> {
  return (await db.selectFrom("skill_expectations").select("skill_id").distinct().execute()).length;
}

/** The library as a later version would ship it: every role's summary changed. */
function nextVersion(data: LibraryData): LibraryData {
  return {
    ...data,
    roles: data.roles.map(({ file: roleFile, role }) => ({
      file: roleFile,
      role: { ...role, summary: { en: `${role.name}, revised in the next library version.` } },
    })),
  };
}

const ALL_SLUGS = LIBRARY.roles.map(({ role }) => role.slug).sort();

describe("a real deployment (TRAITKIT_DEMO=0)", () => {
  it("starts with the whole library and no people", async () => {
    const db = await start({ TRAITKIT_DEMO: "0" });
    expect(await roleSlugs(db)).toEqual(ALL_SLUGS);
    expect(await skillProfileCount(db)).toBe(LIBRARY.skills.length);
    expect(await db.selectFrom("users").select("id").execute()).toEqual([]);
    expect(await db.selectFrom("candidates").select("id").execute()).toEqual([]);
    expect((await db.selectFrom("library_items").select("slug").execute()).length).toBe(LIBRARY.roles.length + LIBRARY.skills.length);
  });

  it("adds nothing at a second start", async () => {
    const first = await start({ TRAITKIT_DEMO: "0" });
    const roles = await first.selectFrom("roles").select(["id", "slug", "updated_at"]).orderBy("id").execute();
    await stop(first);
    const again = await bootDatabase(parseEnv({ DATABASE_PATH: file, TRAITKIT_DEMO: "0" }));
    open.push(again.db);
    expect(again.library).toEqual({ rolesAdded: 0, rolesUpdated: 0, skillsAdded: 0 });
    expect(await again.db.selectFrom("roles").select(["id", "slug", "updated_at"]).orderBy("id").execute()).toEqual(roles);
  });

  it("loads the demo's people on top of the library with TRAITKIT_DEMO=1, the library once", async () => {
    const db = await start({ TRAITKIT_DEMO: "1" });
    expect(await roleSlugs(db)).toEqual(ALL_SLUGS);
    expect((await db.selectFrom("users").select("id").execute()).length).toBeGreaterThan(0);
    expect((await db.selectFrom("candidates").select("id").execute()).length).toBeGreaterThan(0);
  });
});

describe("TRAITKIT_LIBRARY=0", () => {
  it("starts with an empty library, and a recruiter adds it in one step, audited", async () => {
    const db = await start({ TRAITKIT_DEMO: "0", TRAITKIT_LIBRARY: "0" });
    expect(await roleSlugs(db)).toEqual([]);
    expect(await skillProfileCount(db)).toBe(0);
    const recruiter = await createUser(db, { email: "ana@example.com", name: "Ana", role: "recruiter", passwordHash: "x" }, new Date());
    const added = await addLibrary(db, LIBRARY, recruiter, new Date());
    expect(added).toEqual({ rolesAdded: LIBRARY.roles.length, rolesUpdated: 0, skillsAdded: LIBRARY.skills.length });
    expect(await roleSlugs(db)).toEqual(ALL_SLUGS);
    const audit = await db.selectFrom("audit_log").select(["actor_user_id", "action"]).where("action", "=", "role.library_add").execute();
    expect(audit).toEqual([{ actor_user_id: recruiter, action: "role.library_add" }]);
  });
});

describe("a later start or a new library version", () => {
  it("keeps a recruiter's edit and updates the roles nobody edited", async () => {
    const db = await start({ TRAITKIT_DEMO: "0" });
    const edited = await readRoleFile(db, "mlops-engineer");
    if (!edited) throw new Error("no mlops-engineer");
    const role = await db.selectFrom("roles").select("id").where("slug", "=", "mlops-engineer").executeTakeFirstOrThrow();
    await db
      .transaction()
      .execute((trx) => replaceRole(trx, role.id, { ...edited, name: "MLOps Engineer (our version)" }, new Date().toISOString(), null));
    await stop(db);

    // A restart leaves the edit alone.
    const restarted = await start({ TRAITKIT_DEMO: "0" });
    expect((await readRoleFile(restarted, "mlops-engineer"))?.name).toBe("MLOps Engineer (our version)");

    // A new library version updates every role still as loaded, and only those.
    const next = nextVersion(LIBRARY);
    const result = await restarted.transaction().execute((trx) => syncLibrary(trx, next, new Date()));
    expect(result).toEqual({ rolesAdded: 0, rolesUpdated: LIBRARY.roles.length - 1, skillsAdded: 0 });
    const mlops = await readRoleFile(restarted, "mlops-engineer");
    expect(mlops?.name).toBe("MLOps Engineer (our version)");
    expect(mlops?.summary).toEqual(edited.summary);
    expect((await readRoleFile(restarted, "data-scientist"))?.summary).toEqual({
      en: "Data Scientist, revised in the next library version.",
    });
    // And the version after that, on a role updated once already: still taken, as it was not edited.
    const again = await restarted.transaction().execute((trx) => syncLibrary(trx, LIBRARY, new Date()));
    expect(again.rolesUpdated).toBe(LIBRARY.roles.length - 1);
  });

  it("does not bring back a library role a recruiter deleted", async () => {
    const db = await start({ TRAITKIT_DEMO: "0" });
    await db.deleteFrom("roles").where("slug", "=", "data-scientist").execute();
    await stop(db);
    const restarted = await start({ TRAITKIT_DEMO: "0" });
    expect(await roleSlugs(restarted)).toEqual(ALL_SLUGS.filter((slug) => slug !== "data-scientist"));
    await restarted.transaction().execute((trx) => syncLibrary(trx, nextVersion(LIBRARY), new Date()));
    expect(await roleSlugs(restarted)).not.toContain("data-scientist");
  });

  it("adds a role new in the library at the next start", async () => {
    const db = await start({ TRAITKIT_DEMO: "0" });
    const first = LIBRARY.roles[0];
    if (!first) throw new Error("empty library");
    const added: LibraryData = {
      ...LIBRARY,
      roles: [
        ...LIBRARY.roles,
        { file: "seeds/roles/new.json", role: { ...first.role, slug: "new-library-role", name: "New Library Role" } },
      ],
    };
    const result = await db.transaction().execute((trx) => syncLibrary(trx, added, new Date()));
    expect(result).toEqual({ rolesAdded: 1, rolesUpdated: 0, skillsAdded: 0 });
    expect(await roleSlugs(db)).toContain("new-library-role");
  });
});

import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { insertRole, insertSkillProfile } from "../app/models/role-writes.server";
import { createUser } from "../app/models/users.server";
import { hashPassword } from "../app/utils/password.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import { demoKitsStep } from "./demo-kits";
import { demoPeopleStep } from "./demo-people";
import { demoProposalsStep } from "./demo-proposals";
import { libraryData, type LibraryData } from "./library";

export { SeedValidationError, validateDemoFiles, type SeedFileFailure } from "./library";

/*
 * The demo data: the fictional accounts, kit, candidates and assessments, on
 * top of the Traitkit library (seeds/library.ts), loaded in one transaction
 * into a database without users only. The library's roles and skill profiles
 * it needs are added when missing (a database started with TRAITKIT_LIBRARY=0).
 */

export type DemoData = LibraryData;

/** What every demo step sees: the load's clock, the validated files, and the ids written so far. */
export type DemoContext = {
  /** ISO-8601 UTC timestamp for created_at/updated_at columns. */
  now: string;
  data: DemoData;
  roleIds: Map<string, number>;
  skillIds: Map<string, number>;
  /** Demo accounts' ids by email. */
  userIds: Map<string, number>;
};

/** One part of the demo data, run in order inside the loading transaction. */
export type DemoStep = {
  name: string;
  run: (trx: Transaction<Database>, context: DemoContext) => Promise<void>;
};

/**
 * The demo, in insertion order. Demo users, candidates, kits and assessments
 * are further steps appended here: they run in the same transaction and find
 * the library's ids in the context.
 */
export const DEMO_STEPS: readonly DemoStep[] = [
  {
    name: "role library",
    run: async (trx, context) => {
      const present = new Set((await trx.selectFrom("roles").select("slug").execute()).map((row) => row.slug));
      for (const { role } of context.data.roles) {
        if (!present.has(role.slug)) context.roleIds.set(role.slug, await insertRole(trx, role, context.now));
      }
    },
  },
  {
    name: "skill profiles",
    run: async (trx, context) => {
      const profiled = new Set(
        (
          await trx
            .selectFrom("skills")
            .innerJoin("skill_expectations", "skill_expectations.skill_id", "skills.id")
            .select("skills.slug")
            .distinct()
            .execute()
        ).map((row) => row.slug),
      );
      for (const { skill } of context.data.skills) {
        if (!profiled.has(skill.slug)) context.skillIds.set(skill.slug, await insertSkillProfile(trx, skill));
      }
    },
  },
  {
    name: "demo accounts",
    run: async (trx, context) => {
      for (const account of DEMO_ACCOUNTS) {
        const passwordHash = await hashPassword(DEMO_PASSWORD);
        context.userIds.set(account.email, await createUser(trx, { ...account, passwordHash }, new Date(context.now)));
      }
    },
  },
  // Before the kits: the proposals' story ends with the role as the demo kit copies it.
  demoProposalsStep,
  demoKitsStep,
  demoPeopleStep,
];

export type DemoLoadResult = {
  loaded: boolean;
  /** Library roles inserted (none when the library was there already). */
  roles: number;
  /** Distinct skills written by them: skills-matrix rows and skill profiles, by slug. */
  skills: number;
};

function distinctSkills(data: DemoData, context: DemoContext): number {
  const slugs = new Set<string>();
  for (const { role } of data.roles) {
    if (!context.roleIds.has(role.slug)) continue;
    for (const group of role.skillsMatrix?.groups ?? []) {
      for (const skill of group.skills) slugs.add(skill.slug);
    }
  }
  for (const { skill } of data.skills) if (context.skillIds.has(skill.slug)) slugs.add(skill.slug);
  return slugs.size;
}

/**
 * Loads the demo data when the database has no user yet (a new database, the
 * library perhaps loaded), all or nothing; otherwise loads nothing and returns
 * loaded: false. The files are validated first, whatever the database holds.
 */
export async function loadDemoData(db: Kysely<Database>, now: Date): Promise<DemoLoadResult> {
  const data = libraryData();
  // The one transaction outside a model: the loader composes many model functions, which join it, into one unit.
  // Two app servers starting at once on PostgreSQL both look for a user: one loads, the other's check is retried and finds it.
  return inTransaction(db, async (work): Promise<DemoLoadResult> => {
    // The loader opens the transaction itself (db is never one here), so `work` is a Transaction.
    const trx = work as Transaction<Database>;
    const user = await trx.selectFrom("users").select("id").limit(1).executeTakeFirst();
    if (user !== undefined) return { loaded: false, roles: 0, skills: 0 };

    const context: DemoContext = { now: now.toISOString(), data, roleIds: new Map(), skillIds: new Map(), userIds: new Map() };
    for (const step of DEMO_STEPS) {
      try {
        await step.run(trx, context);
      } catch (error) {
        throw new Error(`Demo step "${step.name}" failed: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
    }
    return { loaded: true, roles: context.roleIds.size, skills: distinctSkills(data, context) };
  });
}

import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";
import { insertRole, insertSkillProfile } from "../app/models/role-writes.server";
import { formatIssues, roleFileSchema, type FormattedIssue, type RoleFile } from "../app/schemas/role";
import { skillFileSchema, type SkillFile } from "../app/schemas/skill";
import { createUser } from "../app/models/users.server";
import { hashPassword } from "../app/utils/password.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import { demoKitsStep } from "./demo-kits";
import { demoPeopleStep } from "./demo-people";
import { ROLE_FILES, SKILL_FILES, type SeedFile } from "./manifest";

/*
 * The demo data: the documents' roles and skill profiles (seeds/roles,
 * seeds/skills), loaded in one transaction into an empty database only.
 */

export type DemoData = {
  roles: { file: string; role: RoleFile }[];
  skills: { file: string; skill: SkillFile }[];
};

export type SeedFileFailure = { file: string; issues: FormattedIssue[] };

export class SeedValidationError extends Error {
  constructor(readonly failures: SeedFileFailure[]) {
    super(
      [
        "Demo data files are not valid:",
        ...failures.flatMap((failure) => [
          `${failure.file}:`,
          ...failure.issues.map((issue) => `  ${issue.path === "" ? "(file)" : issue.path}: ${issue.message}`),
        ]),
      ].join("\n"),
    );
    this.name = "SeedValidationError";
  }
}

/** Validates every file; throws one SeedValidationError listing every bad file and its issues. */
export function validateDemoFiles(roleFiles: readonly SeedFile[], skillFiles: readonly SeedFile[]): DemoData {
  const failures: SeedFileFailure[] = [];
  const data: DemoData = { roles: [], skills: [] };
  for (const { file, data: raw } of roleFiles) {
    const parsed = roleFileSchema.safeParse(raw);
    if (parsed.success) data.roles.push({ file, role: parsed.data });
    else failures.push({ file, issues: formatIssues(parsed.error) });
  }
  for (const { file, data: raw } of skillFiles) {
    const parsed = skillFileSchema.safeParse(raw);
    if (parsed.success) data.skills.push({ file, skill: parsed.data });
    else failures.push({ file, issues: formatIssues(parsed.error) });
  }
  if (failures.length > 0) throw new SeedValidationError(failures);
  return data;
}

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
      for (const { role } of context.data.roles) {
        context.roleIds.set(role.slug, await insertRole(trx, role, context.now));
      }
    },
  },
  {
    name: "skill profiles",
    run: async (trx, context) => {
      for (const { skill } of context.data.skills) {
        context.skillIds.set(skill.slug, await insertSkillProfile(trx, skill));
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
  demoKitsStep,
  demoPeopleStep,
];

export type DemoLoadResult = {
  loaded: boolean;
  /** Roles inserted. */
  roles: number;
  /** Distinct skills written: skills-matrix rows and skill profiles, by slug. */
  skills: number;
};

function distinctSkills(data: DemoData): number {
  const slugs = new Set<string>();
  for (const { role } of data.roles) {
    for (const group of role.skillsMatrix?.groups ?? []) {
      for (const skill of group.skills) slugs.add(skill.slug);
    }
  }
  for (const { skill } of data.skills) slugs.add(skill.slug);
  return slugs.size;
}

/**
 * Loads the demo data when the database is empty (no role and no user), all
 * or nothing; otherwise loads nothing and returns loaded: false. The files are
 * validated first, whatever the database holds.
 */
export async function loadDemoData(db: Kysely<Database>, now: Date): Promise<DemoLoadResult> {
  const data = validateDemoFiles(ROLE_FILES, SKILL_FILES);
  return db.transaction().execute(async (trx): Promise<DemoLoadResult> => {
    const role = await trx.selectFrom("roles").select("id").limit(1).executeTakeFirst();
    const user = await trx.selectFrom("users").select("id").limit(1).executeTakeFirst();
    if (role !== undefined || user !== undefined) return { loaded: false, roles: 0, skills: 0 };

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
    return { loaded: true, roles: context.roleIds.size, skills: distinctSkills(data) };
  });
}

import { sameRoleName } from "~/domain/role-names";
import type { Insertable, Kysely, Transaction } from "kysely";
import type {
  Database,
  QuestionAnchorsTable,
  QuestionTraitsTable,
  RoleSkillCellsTable,
  SkillExpectationsTable,
  TransitionDeltasTable,
  TransitionStrengthsTable,
} from "~db/schema";
import { ANCHOR_RATINGS } from "~/domain/anchors";
import { LEVELS } from "~/domain/levels";
import { TRAIT_KEYS } from "~/domain/traits";
import { stringifyLocalized } from "~/schemas/localized";
import type { RoleFile, SkillsMatrixFile } from "~/schemas/role";
import type { SkillFile } from "~/schemas/skill";

/*
 * Writes a validated role file / skill profile file into the library tables.
 * Call inside a transaction: a failure part-way must leave nothing behind.
 *
 * Conventions: positions are 1-based in the file's order; localized texts are
 * stored as JSON strings (stringifyLocalized). A skills-matrix group is the
 * skills' domain (skill_domains), and role_skill_cells.position is the row's
 * position in the whole matrix, so groups and rows read back in published order.
 */

export type DbExecutor = Kysely<Database> | Transaction<Database>;

/** Keeps every statement under SQLite's (and PostgreSQL's) bound-parameter limit. */
const MAX_PARAMETERS_PER_STATEMENT = 30_000;

function chunked<T extends object>(rows: readonly T[]): T[][] {
  const first = rows[0];
  if (first === undefined) return [];
  const size = Math.max(1, Math.floor(MAX_PARAMETERS_PER_STATEMENT / Math.max(1, Object.keys(first).length)));
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += size) out.push(rows.slice(start, start + size));
  return out;
}

function positionMap(rows: readonly { id: number; position: number }[]): Map<number, number> {
  return new Map(rows.map((row) => [row.position, row.id]));
}

function idAt(ids: Map<number, number>, position: number, what: string): number {
  const id = ids.get(position);
  if (id === undefined) throw new Error(`No ${what} id returned for position ${position}`);
  return id;
}

/** The ids of the named skill domains, creating the missing ones. */
async function ensureDomains(db: Kysely<Database>, names: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return new Map();
  await db
    .insertInto("skill_domains")
    .values(unique.map((name) => ({ name })))
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const rows = await db.selectFrom("skill_domains").select(["id", "name"]).where("name", "in", unique).execute();
  return new Map(rows.map((row) => [row.name, row.id]));
}

/**
 * The ids of the matrix's skills by slug. A skill missing from the library is
 * created in the domain named by its group; an existing skill is reused, and
 * must already be in that domain (the group is read back from the domain).
 */
async function ensureMatrixSkills(db: Kysely<Database>, matrix: SkillsMatrixFile): Promise<Map<string, number>> {
  const rows = matrix.groups.flatMap((group) => group.skills.map((skill) => ({ ...skill, group: group.name })));
  if (rows.length === 0) return new Map();
  const slugs = rows.map((row) => row.slug);
  const existing = await db
    .selectFrom("skills")
    .innerJoin("skill_domains", "skill_domains.id", "skills.domain_id")
    .select(["skills.id", "skills.slug", "skill_domains.name as domain"])
    .where("skills.slug", "in", slugs)
    .execute();
  const existingBySlug = new Map(existing.map((skill) => [skill.slug, skill]));
  for (const row of rows) {
    const found = existingBySlug.get(row.slug);
    if (found !== undefined && found.domain !== row.group) {
      throw new Error(`Skill "${row.slug}" is in the domain "${found.domain}", but the skills matrix lists it in the group "${row.group}"`);
    }
  }
  const missing = rows.filter((row) => !existingBySlug.has(row.slug));
  const domainIds = await ensureDomains(
    db,
    missing.map((row) => row.group),
  );
  const ids = new Map(existing.map((skill) => [skill.slug, skill.id]));
  for (const chunk of chunked(
    missing.map((row) => ({
      slug: row.slug,
      name: row.name,
      domain_id: domainIdOf(domainIds, row.group),
      skill_group: null,
      description: null,
      published_on: null,
    })),
  )) {
    const inserted = await db.insertInto("skills").values(chunk).returning(["id", "slug"]).execute();
    for (const skill of inserted) ids.set(skill.slug, skill.id);
  }
  return ids;
}

function domainIdOf(domainIds: Map<string, number>, name: string): number {
  const id = domainIds.get(name);
  if (id === undefined) throw new Error(`Skill domain "${name}" was not created`);
  return id;
}

function roleRow(role: RoleFile) {
  return {
    slug: role.slug,
    name: role.name,
    family: role.family,
    summary: stringifyLocalized(role.summary),
    content_language: role.contentLanguage,
    source_note: role.sourceNote,
    success_case_title: role.successCase === null ? null : stringifyLocalized(role.successCase.title),
    success_case_story: role.successCase === null ? null : stringifyLocalized(role.successCase.story),
  };
}

/**
 * Inserts a whole role file; returns the new role's id. Refuses a slug already in the library.
 * `savedBy`: the user who made it; null for a role loaded from the seed documents.
 */
export async function insertRole(trx: DbExecutor, role: RoleFile, now: string, savedBy: number | null = null): Promise<number> {
  const db: Kysely<Database> = trx;

  const taken = await db.selectFrom("roles").select("id").where("slug", "=", role.slug).executeTakeFirst();
  if (taken !== undefined) throw new Error(`Role "${role.slug}" already exists`);

  const { id: roleId } = await db
    .insertInto("roles")
    // A role from the documents leaves saved_by to its default, null, so the seed also writes a database older than 0009.
    .values({ ...roleRow(role), created_at: now, updated_at: now, ...(savedBy === null ? {} : { saved_by: savedBy }) })
    .returning("id")
    .executeTakeFirstOrThrow();
  await insertRoleContent(db, roleId, role);
  return roleId;
}

/** The tables that hold a role's content, all keyed by role_id; their children cascade. */
const ROLE_CONTENT_TABLES = [
  "role_traits",
  "role_strengths",
  "role_red_flags",
  "questions",
  "transitions",
  "similar_roles",
  "archetypes",
  "role_level_focus",
  "role_technologies",
  "role_skill_cells",
  "role_success_case_traits",
] as const;

/**
 * Replaces a role's whole content by a role file, keeping the role's id so
 * candidates and kits stay attached (kits hold frozen copies of what they use).
 * The caller checks that a changed slug is free.
 */
export async function replaceRole(trx: DbExecutor, roleId: number, role: RoleFile, now: string, savedBy: number | null): Promise<void> {
  const db: Kysely<Database> = trx;
  await db
    .updateTable("roles")
    .set({ ...roleRow(role), updated_at: now, saved_by: savedBy })
    .where("id", "=", roleId)
    .execute();
  for (const table of ROLE_CONTENT_TABLES) {
    await db.deleteFrom(table).where("role_id", "=", roleId).execute();
  }
  await insertRoleContent(db, roleId, role);
}

async function insertRoleContent(db: Kysely<Database>, roleId: number, role: RoleFile): Promise<void> {
  const profile = role.idealProfile;
  if (profile !== null) {
    await db
      .insertInto("role_traits")
      .values(
        TRAIT_KEYS.map((trait) => ({
          role_id: roleId,
          trait,
          low: profile[trait].low,
          high: profile[trait].high,
          weight: profile[trait].weight,
          statement: stringifyLocalized(profile[trait].statement),
          band_source: profile[trait].bandSource,
        })),
      )
      .execute();
  }

  for (const table of ["role_strengths", "role_red_flags"] as const) {
    const texts = table === "role_strengths" ? role.strengths : role.redFlags;
    for (const chunk of chunked(texts.map((text, index) => ({ role_id: roleId, position: index + 1, text: stringifyLocalized(text) })))) {
      await db.insertInto(table).values(chunk).execute();
    }
  }

  await insertQuestions(db, roleId, role.questions);
  await insertTransitions(db, roleId, role.transitions);

  for (const chunk of chunked(
    role.similarRoles.map((similar, index) => ({
      role_id: roleId,
      position: index + 1,
      similar_name: similar.name,
      similar_slug: similar.slug,
    })),
  )) {
    await db.insertInto("similar_roles").values(chunk).execute();
  }

  for (const chunk of chunked(
    role.archetypes.map((archetype, index) => ({
      role_id: roleId,
      position: index + 1,
      name: stringifyLocalized(archetype.name),
      description: stringifyLocalized(archetype.description),
    })),
  )) {
    await db.insertInto("archetypes").values(chunk).execute();
  }

  const caseProfile = role.successCase?.profile ?? {};
  const caseScores = TRAIT_KEYS.flatMap((trait) => {
    const score = caseProfile[trait];
    return score === undefined ? [] : [{ role_id: roleId, trait, score }];
  });
  if (caseScores.length > 0) await db.insertInto("role_success_case_traits").values(caseScores).execute();

  if (role.skillsMatrix !== null) await insertSkillsMatrix(db, roleId, role.skillsMatrix);
}

async function insertQuestions(db: Kysely<Database>, roleId: number, questions: RoleFile["questions"]): Promise<void> {
  const ids = new Map<number, number>();
  for (const chunk of chunked(
    questions.map((question, index) => ({
      role_id: roleId,
      position: index + 1,
      text: stringifyLocalized(question.text),
      evaluates_note: stringifyLocalized(question.evaluatesNote),
    })),
  )) {
    // RETURNING order is not guaranteed: match the rows back by position.
    const inserted = await db.insertInto("questions").values(chunk).returning(["id", "position"]).execute();
    for (const [position, id] of positionMap(inserted)) ids.set(position, id);
  }

  const traitRows: Insertable<QuestionTraitsTable>[] = [];
  const anchorRows: Insertable<QuestionAnchorsTable>[] = [];
  questions.forEach((question, index) => {
    const questionId = idAt(ids, index + 1, "question");
    for (const trait of question.traits) {
      traitRows.push({ question_id: questionId, trait });
      const anchors = question.anchors[trait];
      if (anchors === undefined) continue; // the schema requires them; nothing to write otherwise
      // A role file keys each anchor by its rating's digits.
      for (const rating of ANCHOR_RATINGS) {
        anchorRows.push({ question_id: questionId, trait, rating, text: stringifyLocalized(anchors[`${rating}`]) });
      }
    }
  });
  for (const chunk of chunked(traitRows)) await db.insertInto("question_traits").values(chunk).execute();
  for (const chunk of chunked(anchorRows)) await db.insertInto("question_anchors").values(chunk).execute();
}

async function insertTransitions(db: Kysely<Database>, roleId: number, transitions: RoleFile["transitions"]): Promise<void> {
  const ids = new Map<number, number>();
  for (const chunk of chunked(
    transitions.map((transition, index) => ({
      role_id: roleId,
      position: index + 1,
      target_name: transition.targetName,
      target_slug: transition.target,
      published_fit: transition.publishedFit,
    })),
  )) {
    const inserted = await db.insertInto("transitions").values(chunk).returning(["id", "position"]).execute();
    for (const [position, id] of positionMap(inserted)) ids.set(position, id);
  }

  const strengthRows: Insertable<TransitionStrengthsTable>[] = [];
  const deltaRows: Insertable<TransitionDeltasTable>[] = [];
  transitions.forEach((transition, index) => {
    const transitionId = idAt(ids, index + 1, "transition");
    transition.strengths.forEach((text, strengthIndex) => {
      strengthRows.push({ transition_id: transitionId, position: strengthIndex + 1, text: stringifyLocalized(text) });
    });
    for (const trait of TRAIT_KEYS) {
      const delta = transition.deltas[trait];
      if (delta !== undefined) deltaRows.push({ transition_id: transitionId, trait, delta });
    }
  });
  for (const chunk of chunked(strengthRows)) await db.insertInto("transition_strengths").values(chunk).execute();
  for (const chunk of chunked(deltaRows)) await db.insertInto("transition_deltas").values(chunk).execute();
}

async function insertSkillsMatrix(db: Kysely<Database>, roleId: number, matrix: SkillsMatrixFile): Promise<void> {
  for (const chunk of chunked(
    LEVELS.flatMap((level) => {
      const text = matrix.levelFocus[level];
      return text === undefined ? [] : [{ role_id: roleId, level, text: stringifyLocalized(text) }];
    }),
  )) {
    await db.insertInto("role_level_focus").values(chunk).execute();
  }

  for (const chunk of chunked(matrix.technologies.map((name, index) => ({ role_id: roleId, position: index + 1, name })))) {
    await db.insertInto("role_technologies").values(chunk).execute();
  }

  const skillIds = await ensureMatrixSkills(db, matrix);
  const cells: Insertable<RoleSkillCellsTable>[] = [];
  let position = 0;
  for (const group of matrix.groups) {
    for (const skill of group.skills) {
      position += 1;
      const skillId = skillIds.get(skill.slug);
      if (skillId === undefined) throw new Error(`Skill "${skill.slug}" was not created`);
      for (const level of LEVELS) {
        cells.push({ role_id: roleId, skill_id: skillId, level, code: skill.codes[level], position });
      }
    }
  }
  for (const chunk of chunked(cells)) await db.insertInto("role_skill_cells").values(chunk).execute();
}

/**
 * Inserts or updates a skill (by slug) from a skill profile file and inserts
 * its expectations; returns the skill's id. Every role of the expectations must
 * already be in the library (the error names the missing slugs).
 */
export async function insertSkillProfile(trx: DbExecutor, skill: SkillFile): Promise<number> {
  const db: Kysely<Database> = trx;

  const roleSlugs = [...new Set(skill.expectations.map((expectation) => expectation.role))];
  const roles = roleSlugs.length === 0 ? [] : await db.selectFrom("roles").select(["id", "slug"]).where("slug", "in", roleSlugs).execute();
  const roleIds = new Map(roles.map((role) => [role.slug, role.id]));
  const missing = roleSlugs.filter((slug) => !roleIds.has(slug));
  if (missing.length > 0) {
    throw new Error(`Skill "${skill.slug}": role ${missing.map((slug) => `"${slug}"`).join(", ")} not in the role library`);
  }

  const domainIds = await ensureDomains(db, [skill.domain]);
  const fields = {
    name: skill.name,
    domain_id: domainIdOf(domainIds, skill.domain),
    skill_group: skill.group,
    description: stringifyLocalized(skill.description),
    published_on: skill.publishedOn,
  };
  const { id: skillId } = await db
    .insertInto("skills")
    .values({ slug: skill.slug, ...fields })
    .onConflict((oc) => oc.column("slug").doUpdateSet(fields))
    .returning("id")
    .executeTakeFirstOrThrow();

  for (const chunk of chunked(
    skill.expectations.map((expectation): Insertable<SkillExpectationsTable> => ({
      skill_id: skillId,
      role_id: roleIdOf(roleIds, expectation.role),
      level: expectation.level,
      mandatory: expectation.mandatory ? 1 : 0,
      description: stringifyLocalized(expectation.description),
    })),
  )) {
    await db.insertInto("skill_expectations").values(chunk).execute();
  }

  return skillId;
}

function roleIdOf(roleIds: Map<string, number>, slug: string): number {
  const id = roleIds.get(slug);
  if (id === undefined) throw new Error(`Role "${slug}" not in the role library`);
  return id;
}

/** Who last saved a role and when; undefined for a role as loaded from the seed documents (or no such role). */
export async function roleSavedBy(db: Kysely<Database>, slug: string): Promise<{ name: string; at: string } | undefined> {
  const row = await db
    .selectFrom("roles")
    .innerJoin("users", "users.id", "roles.saved_by")
    .select(["users.name", "roles.updated_at"])
    .where("roles.slug", "=", slug)
    .executeTakeFirst();
  return row && { name: row.name, at: row.updated_at };
}

/** Other roles a reader would take for this one by name: said on the role's page, so a duplicate saved without JavaScript is seen too. */
export async function roleNamesakes(db: Kysely<Database>, role: { slug: string; name: string }): Promise<{ slug: string; name: string }[]> {
  // Names fold case and spacing (sameRoleName), which SQL's lower() cannot: the library is read whole, as its list page does.
  const roles = await db.selectFrom("roles").select(["slug", "name"]).where("slug", "!=", role.slug).orderBy("slug").execute();
  return roles.filter((other) => sameRoleName(other.name, role.name));
}

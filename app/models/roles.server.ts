import type { ExpressionBuilder, Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { recordAudit } from "~/models/audit.server";
import { byTraitOrder, loadRoleQuestions } from "~/models/questions.server";
import type { AnchorRating } from "~/domain/anchors";
import { LEVELS, type Level } from "~/domain/levels";
import type { TraitKey } from "~/domain/traits";
import { showText, showOptionalText } from "~/models/shown-text";
import type { ShownText } from "~/domain/shown-text";
import type { UiLanguage } from "~/utils/i18n";
import { searchWords } from "~/schemas/list-options";
import { everyWordMatches } from "~/utils/search.server";

type Executor = Kysely<Database> | Transaction<Database>;

export type RoleProfileFilter = "all" | "with" | "without";

export type RoleListItem = {
  slug: string;
  name: string;
  family: string;
  archived: boolean;
  hasIdealProfile: boolean;
  questionCount: number;
  transitionCount: number;
};

/**
 * Roles with every word of `query` in their name or family (any order, case-insensitive), by name.
 * Archived roles only with `showArchived`: every list and picker leaves them out by default.
 */
export async function listRoles(
  db: Kysely<Database>,
  options: { query: string; profile: RoleProfileFilter; showArchived?: boolean },
): Promise<RoleListItem[]> {
  let q = db
    .selectFrom("roles")
    .select((eb) => [
      "roles.slug",
      "roles.name",
      "roles.family",
      "roles.archived_at",
      eb
        .exists(eb.selectFrom("role_traits").select("role_traits.trait").whereRef("role_traits.role_id", "=", "roles.id"))
        .as("has_profile"),
      eb
        .selectFrom("questions")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("questions.role_id", "=", "roles.id")
        .as("question_count"),
      eb
        .selectFrom("transitions")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("transitions.role_id", "=", "roles.id")
        .as("transition_count"),
    ])
    .orderBy("roles.name");
  if (!options.showArchived) q = q.where("roles.archived_at", "is", null);
  const words = searchWords(options.query);
  if (words.length > 0) q = q.where(everyWordMatches(["roles.name", "roles.family"], words));
  if (options.profile !== "all") {
    const hasProfile = (eb: ExpressionBuilder<Database, "roles">) =>
      eb.exists(eb.selectFrom("role_traits").select("role_traits.trait").whereRef("role_traits.role_id", "=", "roles.id"));
    q = options.profile === "with" ? q.where(hasProfile) : q.where((eb) => eb.not(hasProfile(eb)));
  }
  const rows = await q.execute();
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    family: r.family,
    archived: r.archived_at !== null,
    hasIdealProfile: Boolean(r.has_profile),
    questionCount: Number(r.question_count ?? 0),
    transitionCount: Number(r.transition_count ?? 0),
  }));
}

export type IdealTrait = {
  trait: TraitKey;
  low: number;
  high: number;
  weight: number;
  statement: ShownText | null;
  bandSource: "team" | "published";
};

export type RoleQuestion = {
  id: number;
  text: ShownText;
  evaluatesNote: ShownText | null;
  traits: TraitKey[];
  anchors: { trait: TraitKey; rating: AnchorRating; text: ShownText }[];
};

export type RoleTransition = {
  targetName: string;
  targetSlug: string;
  targetInLibrary: boolean;
  publishedFit: number;
  strengths: ShownText[];
  deltas: { trait: TraitKey; delta: number }[];
};

export type SkillsMatrix = {
  groups: { name: string; skills: { slug: string; name: string; hasProfile: boolean; codes: Record<Level, string | null> }[] }[];
  levelFocus: Partial<Record<Level, ShownText>>;
  technologies: string[];
};

export type RoleSkillExpectation = {
  skillSlug: string;
  skillName: string;
  level: Level;
  mandatory: boolean;
  description: ShownText;
};

export type RoleProfile = {
  slug: string;
  name: string;
  family: string;
  contentLanguage: "es" | "en" | "zh";
  summary: ShownText | null;
  idealProfile: IdealTrait[] | null;
  strengths: ShownText[];
  redFlags: ShownText[];
  questions: RoleQuestion[];
  transitions: RoleTransition[];
  similarRoles: { name: string; slug: string; inLibrary: boolean }[];
  /** profile: the case's illustrative scores in trait order, only the traits given (empty: no profile). */
  successCase: { title: ShownText; story: ShownText; profile: { trait: TraitKey; score: number }[] } | null;
  archetypes: { name: ShownText; description: ShownText }[];
  skillsMatrix: SkillsMatrix | null;
  skillExpectations: RoleSkillExpectation[];
};

/** Everything the role page shows, texts in `lang` where the data has them; undefined when no such role. */
export async function getRoleProfile(db: Kysely<Database>, slug: string, lang: UiLanguage): Promise<RoleProfile | undefined> {
  const role = await db.selectFrom("roles").selectAll().where("slug", "=", slug).executeTakeFirst();
  if (!role) return undefined;
  const show = (json: string) => showText(json, lang, role.content_language);
  const showMaybe = (json: string | null) => showOptionalText(json, lang, role.content_language);

  const [traits, strengths, redFlags, questions, transitions, transitionStrengths, deltas, similar, archetypes, caseScores] =
    await Promise.all([
      db.selectFrom("role_traits").selectAll().where("role_id", "=", role.id).execute(),
      db.selectFrom("role_strengths").select("text").where("role_id", "=", role.id).orderBy("position").execute(),
      db.selectFrom("role_red_flags").select("text").where("role_id", "=", role.id).orderBy("position").execute(),
      loadRoleQuestions(db, role.id),
      db
        .selectFrom("transitions")
        .leftJoin("roles as target", "target.slug", "transitions.target_slug")
        .select([
          "transitions.id",
          "transitions.target_name",
          "transitions.target_slug",
          "transitions.published_fit",
          "target.id as target_id",
        ])
        .where("transitions.role_id", "=", role.id)
        .orderBy("transitions.position")
        .execute(),
      db
        .selectFrom("transition_strengths")
        .innerJoin("transitions", "transitions.id", "transition_strengths.transition_id")
        .select(["transition_strengths.transition_id", "transition_strengths.text"])
        .where("transitions.role_id", "=", role.id)
        .orderBy("transition_strengths.position")
        .execute(),
      db
        .selectFrom("transition_deltas")
        .innerJoin("transitions", "transitions.id", "transition_deltas.transition_id")
        .select(["transition_deltas.transition_id", "transition_deltas.trait", "transition_deltas.delta"])
        .where("transitions.role_id", "=", role.id)
        .execute(),
      db
        .selectFrom("similar_roles")
        .leftJoin("roles as similar", "similar.slug", "similar_roles.similar_slug")
        .select(["similar_roles.similar_name", "similar_roles.similar_slug", "similar.id as similar_id"])
        .where("similar_roles.role_id", "=", role.id)
        .orderBy("similar_roles.position")
        .execute(),
      db.selectFrom("archetypes").select(["name", "description"]).where("role_id", "=", role.id).orderBy("position").execute(),
      db.selectFrom("role_success_case_traits").select(["trait", "score"]).where("role_id", "=", role.id).execute(),
    ]);

  const idealProfile: IdealTrait[] | null =
    traits.length === 0
      ? null
      : traits
          .map((t) => ({
            trait: t.trait,
            low: t.low,
            high: t.high,
            weight: t.weight,
            statement: showMaybe(t.statement),
            bandSource: t.band_source,
          }))
          .sort((a, b) => byTraitOrder(a.trait, b.trait));

  return {
    slug: role.slug,
    name: role.name,
    family: role.family,
    contentLanguage: role.content_language,
    summary: showMaybe(role.summary),
    idealProfile,
    strengths: strengths.map((s) => show(s.text)),
    redFlags: redFlags.map((s) => show(s.text)),
    questions: questions.map((q) => ({
      id: q.id,
      text: show(q.text),
      evaluatesNote: showMaybe(q.evaluatesNote),
      traits: q.traits,
      anchors: q.anchors.map((a) => ({ trait: a.trait, rating: a.rating, text: show(a.text) })),
    })),
    transitions: transitions.map((tr) => ({
      targetName: tr.target_name,
      targetSlug: tr.target_slug,
      targetInLibrary: tr.target_id !== null,
      publishedFit: tr.published_fit,
      strengths: transitionStrengths.filter((s) => s.transition_id === tr.id).map((s) => show(s.text)),
      deltas: deltas
        .filter((d) => d.transition_id === tr.id)
        .map((d) => ({ trait: d.trait, delta: d.delta }))
        .sort((a, b) => byTraitOrder(a.trait, b.trait)),
    })),
    similarRoles: similar.map((s) => ({ name: s.similar_name, slug: s.similar_slug, inLibrary: s.similar_id !== null })),
    successCase:
      role.success_case_title && role.success_case_story
        ? {
            title: show(role.success_case_title),
            story: show(role.success_case_story),
            profile: caseScores.map((c) => ({ trait: c.trait, score: c.score })).sort((a, b) => byTraitOrder(a.trait, b.trait)),
          }
        : null,
    archetypes: archetypes.map((a) => ({ name: show(a.name), description: show(a.description) })),
    skillsMatrix: await getSkillsMatrix(db, role.id, show),
    skillExpectations: await getRoleSkillExpectations(db, role.id, lang),
  };
}

async function getSkillsMatrix(db: Kysely<Database>, roleId: number, show: (json: string) => ShownText): Promise<SkillsMatrix | null> {
  const [cells, focus, technologies] = await Promise.all([
    db
      .selectFrom("role_skill_cells")
      .innerJoin("skills", "skills.id", "role_skill_cells.skill_id")
      .innerJoin("skill_domains", "skill_domains.id", "skills.domain_id")
      .select((eb) => [
        "role_skill_cells.level",
        "role_skill_cells.code",
        "role_skill_cells.position",
        "skills.slug",
        "skills.name",
        "skill_domains.name as group_name",
        eb
          .exists(
            eb
              .selectFrom("skill_expectations")
              .select("skill_expectations.level")
              .whereRef("skill_expectations.skill_id", "=", "skills.id"),
          )
          .as("has_profile"),
      ])
      .where("role_skill_cells.role_id", "=", roleId)
      .orderBy("role_skill_cells.position")
      .execute(),
    db.selectFrom("role_level_focus").select(["level", "text"]).where("role_id", "=", roleId).execute(),
    db.selectFrom("role_technologies").select("name").where("role_id", "=", roleId).orderBy("position").execute(),
  ]);
  if (cells.length === 0 && focus.length === 0 && technologies.length === 0) return null;

  const groups: SkillsMatrix["groups"] = [];
  for (const cell of cells) {
    let group = groups.find((g) => g.name === cell.group_name);
    if (!group) {
      group = { name: cell.group_name, skills: [] };
      groups.push(group);
    }
    let skill = group.skills.find((s) => s.slug === cell.slug);
    if (!skill) {
      skill = {
        slug: cell.slug,
        name: cell.name,
        hasProfile: Boolean(cell.has_profile),
        codes: { junior: null, mid: null, senior: null, lead: null, principal: null },
      };
      group.skills.push(skill);
    }
    skill.codes[cell.level] = cell.code;
  }
  const levelFocus: SkillsMatrix["levelFocus"] = {};
  for (const f of focus) levelFocus[f.level] = show(f.text);
  return { groups, levelFocus, technologies: technologies.map((t) => t.name) };
}

async function getRoleSkillExpectations(db: Kysely<Database>, roleId: number, lang: UiLanguage): Promise<RoleSkillExpectation[]> {
  const rows = await db
    .selectFrom("skill_expectations")
    .innerJoin("skills", "skills.id", "skill_expectations.skill_id")
    .select(["skills.slug", "skills.name", "skill_expectations.level", "skill_expectations.mandatory", "skill_expectations.description"])
    .where("skill_expectations.role_id", "=", roleId)
    .orderBy("skills.name")
    .execute();
  return rows
    .map((r) => ({
      skillSlug: r.slug,
      skillName: r.name,
      level: r.level,
      mandatory: r.mandatory === 1,
      // Skill profiles are published in English.
      description: showText(r.description, lang, "en"),
    }))
    .sort((a, b) => a.skillName.localeCompare(b.skillName) || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
}

// ---------- Archive, restore, delete ----------

/** What keeps a role from being deleted: each a count of records that name it. */
export type RoleUses = {
  kits: number;
  candidates: number;
  results: number;
  links: number;
  skills: number;
  /** The kinds whose count stopped at ROLE_USES_COUNTED_UP_TO: there are that many or more. */
  countedInPart: ("candidates" | "results")[];
};

export type RoleArchiveState = {
  id: number;
  name: string;
  archived: { at: string; byName: string | null } | null;
  uses: RoleUses;
};

function countOf(n: unknown): number {
  return Number(n ?? 0);
}

/**
 * Candidates and results are counted up to this many: a role with more says
 * "1000 or more". Counting a whole role's candidates on every view of its page
 * cost 5 ms at 85,000 of them; the count only says why it cannot be deleted.
 */
export const ROLE_USES_COUNTED_UP_TO = 1000;

/**
 * Whether a role is archived (when, by whom) and what uses it: kits built on
 * it (any version), candidates applying for it, assessment results ranked for
 * it, other roles' transitions and similar roles pointing at it, skill profiles'
 * expectations of it. Undefined when there is no such role.
 */
export async function getRoleArchiveState(db: Executor, slug: string): Promise<RoleArchiveState | undefined> {
  const row = await db
    .selectFrom("roles")
    .leftJoin("users", "users.id", "roles.archived_by")
    .select((eb) => [
      "roles.id",
      "roles.name",
      "roles.archived_at",
      "users.name as archived_by_name",
      eb
        .selectFrom("kits")
        .select((e) => e.fn.countAll<number>().as("n"))
        .where((w) =>
          w.or([
            w("kits.role_id", "=", w.ref("roles.id")),
            w.exists(
              w
                .selectFrom("kit_versions")
                .select("kit_versions.id")
                .whereRef("kit_versions.kit_id", "=", "kits.id")
                .whereRef("kit_versions.role_slug", "=", "roles.slug"),
            ),
          ]),
        )
        .as("kits"),
      eb
        .selectFrom("transitions")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("transitions.target_slug", "=", "roles.slug")
        .whereRef("transitions.role_id", "!=", "roles.id")
        .as("transitions"),
      eb
        .selectFrom("similar_roles")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("similar_roles.similar_slug", "=", "roles.slug")
        .whereRef("similar_roles.role_id", "!=", "roles.id")
        .as("similar"),
      eb
        .selectFrom("skill_expectations")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("skill_expectations.role_id", "=", "roles.id")
        .as("skills"),
    ])
    .where("roles.slug", "=", slug)
    .executeTakeFirst();
  if (!row) return undefined;
  const candidates = await db
    .selectFrom(db.selectFrom("candidates").select("id").where("role_id", "=", row.id).limit(ROLE_USES_COUNTED_UP_TO).as("used"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const results = await db
    .selectFrom(
      db.selectFrom("assessment_results").select("assessment_id").where("role_slug", "=", slug).limit(ROLE_USES_COUNTED_UP_TO).as("used"),
    )
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    name: row.name,
    archived: row.archived_at === null ? null : { at: row.archived_at, byName: row.archived_by_name },
    uses: {
      kits: countOf(row.kits),
      candidates: countOf(candidates.n),
      results: countOf(results.n),
      countedInPart: [
        ...(countOf(candidates.n) >= ROLE_USES_COUNTED_UP_TO ? (["candidates"] as const) : []),
        ...(countOf(results.n) >= ROLE_USES_COUNTED_UP_TO ? (["results"] as const) : []),
      ],
      links: countOf(row.transitions) + countOf(row.similar),
      skills: countOf(row.skills),
    },
  };
}

/** Nothing names the role: it may be deleted. */
export function roleIsUnused(uses: RoleUses): boolean {
  return uses.kits + uses.candidates + uses.results + uses.links + uses.skills === 0;
}

/** Archives or restores a role; false when it was already so. Audited. */
export async function setRoleArchived(
  db: Kysely<Database>,
  args: { roleId: number; archived: boolean; actorId: number },
  now: Date,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable("roles")
      .set(args.archived ? { archived_at: now.toISOString(), archived_by: args.actorId } : { archived_at: null, archived_by: null })
      .where("id", "=", args.roleId)
      .where("archived_at", args.archived ? "is" : "is not", null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    await recordAudit(
      trx,
      { actorUserId: args.actorId, action: args.archived ? "role.archive" : "role.restore", entityType: "role", entityId: args.roleId },
      now,
    );
    return true;
  });
}

/**
 * Deletes a role nothing uses, with its own content (questions, transitions,
 * skills matrix: their foreign keys cascade). "used" when something names it,
 * checked in the same transaction as the delete.
 */
export async function deleteRole(
  db: Kysely<Database>,
  args: { slug: string; actorId: number },
  now: Date,
): Promise<"deleted" | "used" | "notFound"> {
  return inTransaction(db, async (trx) => {
    const state = await getRoleArchiveState(trx, args.slug);
    if (!state) return "notFound";
    if (!roleIsUnused(state.uses)) return "used";
    await trx.deleteFrom("roles").where("id", "=", state.id).execute();
    await recordAudit(
      trx,
      { actorUserId: args.actorId, action: "role.delete", entityType: "role", entityId: state.id, details: { slug: args.slug } },
      now,
    );
    return "deleted";
  });
}

import type { Insertable, Kysely } from "kysely";
import type { ContentLanguage, Database, KitQuestionAnchorsTable, KitQuestionTraitsTable, KitVersionsTable, LevelColumn } from "~db/schema";
import type { Level } from "~/domain/levels";
import { TRAIT_KEYS, type TraitKey } from "~/domain/traits";
import { inTransaction } from "~db/transaction";
import { recordAudit } from "~/models/audit.server";
import { showOptionalText, showText, type ShownText } from "~/models/shown-text";
import {
  ANCHOR_RATINGS,
  emptyCustomQuestion,
  KIT_TEXT_LANGS,
  type AnchorRating,
  type KitDraft,
  type KitFieldErrors,
  type KitFormValues,
  type KitQuestionValues,
  type KitTextLang,
  type KitTextValues,
} from "~/schemas/kit";
import { parseLocalized, pickText, stringifyLocalized } from "~/schemas/localized";
import type { UiLanguage } from "~/utils/i18n";

/*
 * Interview kits. A kit is a row of `kits` (its role, its author) plus
 * versions; everything an interview uses lives in a version, copied at save
 * time from the role (questions with their traits and anchors, the picked
 * strengths and red flags, the skill expectations at the kit's level and the
 * role's ideal profile), so a later change to the role never reaches a kit
 * that an assessment uses.
 *
 * Saving replaces the latest version's content in place while no assessment
 * uses it, and adds version N+1 once one does: history an assessment relies on
 * never changes. Writers take the caller's transaction.
 */

/** Skill profiles are published in English (seed-documents 000/003/004). */
const SKILL_PROFILE_LANGUAGE: ContentLanguage = "en";

const byTraitOrder = (a: TraitKey, b: TraitKey): number => TRAIT_KEYS.indexOf(a) - TRAIT_KEYS.indexOf(b);

const RATING_NUMBER: Record<AnchorRating, 1 | 3 | 5> = { "1": 1, "3": 3, "5": 5 };

function toRating(rating: number): 1 | 3 | 5 | undefined {
  return rating === 1 || rating === 3 || rating === 5 ? rating : undefined;
}

// ---------- The role, as a kit copies it ----------

type RoleSnapshot = {
  role: { id: number; slug: string; name: string; contentLanguage: ContentLanguage };
  traits: { trait: TraitKey; low: number; high: number; weight: number; statement: string | null }[];
  questions: {
    id: number;
    position: number;
    text: string;
    traits: TraitKey[];
    anchors: { trait: TraitKey; rating: 1 | 3 | 5; text: string }[];
  }[];
  strengths: { position: number; text: string }[];
  redFlags: { position: number; text: string }[];
  /** Every level; mandatory first, then by skill name. */
  expectations: { level: Level; skillName: string; mandatory: boolean; description: string }[];
};

/** The role's rows a kit copies, localized texts still as stored JSON; a fixed number of queries. */
async function loadRoleSnapshot(db: Kysely<Database>, by: { slug: string } | { id: number }): Promise<RoleSnapshot | undefined> {
  const role = await (
    "slug" in by
      ? db.selectFrom("roles").select(["id", "slug", "name", "content_language"]).where("slug", "=", by.slug)
      : db.selectFrom("roles").select(["id", "slug", "name", "content_language"]).where("id", "=", by.id)
  ).executeTakeFirst();
  if (!role) return undefined;
  const [traits, questions, questionTraits, anchors, strengths, redFlags, expectations] = await Promise.all([
    db.selectFrom("role_traits").select(["trait", "low", "high", "weight", "statement"]).where("role_id", "=", role.id).execute(),
    db.selectFrom("questions").select(["id", "position", "text"]).where("role_id", "=", role.id).orderBy("position").execute(),
    db
      .selectFrom("question_traits")
      .innerJoin("questions", "questions.id", "question_traits.question_id")
      .select(["question_traits.question_id", "question_traits.trait"])
      .where("questions.role_id", "=", role.id)
      .execute(),
    db
      .selectFrom("question_anchors")
      .innerJoin("questions", "questions.id", "question_anchors.question_id")
      .select(["question_anchors.question_id", "question_anchors.trait", "question_anchors.rating", "question_anchors.text"])
      .where("questions.role_id", "=", role.id)
      .execute(),
    db.selectFrom("role_strengths").select(["position", "text"]).where("role_id", "=", role.id).orderBy("position").execute(),
    db.selectFrom("role_red_flags").select(["position", "text"]).where("role_id", "=", role.id).orderBy("position").execute(),
    db
      .selectFrom("skill_expectations")
      .innerJoin("skills", "skills.id", "skill_expectations.skill_id")
      .select(["skill_expectations.level", "skills.name", "skill_expectations.mandatory", "skill_expectations.description"])
      .where("skill_expectations.role_id", "=", role.id)
      .orderBy("skill_expectations.mandatory", "desc")
      .orderBy("skills.name")
      .execute(),
  ]);
  return {
    role: { id: role.id, slug: role.slug, name: role.name, contentLanguage: role.content_language },
    traits: [...traits].sort((a, b) => byTraitOrder(a.trait, b.trait)),
    questions: questions.map((q) => ({
      id: q.id,
      position: q.position,
      text: q.text,
      traits: questionTraits
        .filter((t) => t.question_id === q.id)
        .map((t) => t.trait)
        .sort(byTraitOrder),
      anchors: anchors
        .filter((a) => a.question_id === q.id)
        .flatMap((a) => {
          const rating = toRating(a.rating);
          return rating ? [{ trait: a.trait, rating, text: a.text }] : [];
        })
        .sort((a, b) => byTraitOrder(a.trait, b.trait) || a.rating - b.rating),
    })),
    strengths,
    redFlags,
    expectations: expectations.map((e) => ({
      level: e.level,
      skillName: e.name,
      mandatory: e.mandatory === 1,
      description: e.description,
    })),
  };
}

// ---------- The builder ----------

export type KitAnchorView = { trait: TraitKey; ratings: { rating: 1 | 3 | 5; text: ShownText }[] };

export type KitSourceQuestion = { id: number; text: ShownText; traits: TraitKey[]; anchors: KitAnchorView[] };

export type KitExpectationView = { skillName: string; mandatory: boolean; description: ShownText };

/** What the builder offers from a role, texts in the reader's language where the data has them. */
export type KitBuilderSource = {
  role: { slug: string; name: string; hasIdealProfile: boolean };
  questions: KitSourceQuestion[];
  strengths: { position: number; text: ShownText }[];
  redFlags: { position: number; text: ShownText }[];
  /** By level; each list mandatory first. */
  expectations: Record<Level, KitExpectationView[]>;
};

function groupAnchors(
  anchors: readonly { trait: TraitKey; rating: 1 | 3 | 5; text: ShownText }[],
  traits: readonly TraitKey[],
): KitAnchorView[] {
  return traits.map((trait) => ({
    trait,
    ratings: anchors.filter((a) => a.trait === trait).map((a) => ({ rating: a.rating, text: a.text })),
  }));
}

function builderSource(snapshot: RoleSnapshot, lang: UiLanguage): KitBuilderSource {
  const show = (json: string) => showText(json, lang, snapshot.role.contentLanguage);
  const expectationsAt = (level: Level): KitExpectationView[] =>
    snapshot.expectations
      .filter((e) => e.level === level)
      .map((e) => ({ skillName: e.skillName, mandatory: e.mandatory, description: showText(e.description, lang, SKILL_PROFILE_LANGUAGE) }));
  return {
    role: { slug: snapshot.role.slug, name: snapshot.role.name, hasIdealProfile: snapshot.traits.length > 0 },
    questions: snapshot.questions.map((q) => ({
      id: q.id,
      text: show(q.text),
      traits: q.traits,
      anchors: groupAnchors(
        q.anchors.map((a) => ({ trait: a.trait, rating: a.rating, text: show(a.text) })),
        q.traits,
      ),
    })),
    strengths: snapshot.strengths.map((s) => ({ position: s.position, text: show(s.text) })),
    redFlags: snapshot.redFlags.map((s) => ({ position: s.position, text: show(s.text) })),
    expectations: {
      junior: expectationsAt("junior"),
      mid: expectationsAt("mid"),
      senior: expectationsAt("senior"),
      lead: expectationsAt("lead"),
      principal: expectationsAt("principal"),
    },
  };
}

/** The builder's offer for the role `slug`; undefined when there is no such role. */
export async function getKitBuilderSource(db: Kysely<Database>, slug: string, lang: UiLanguage): Promise<KitBuilderSource | undefined> {
  const snapshot = await loadRoleSnapshot(db, { slug });
  return snapshot ? builderSource(snapshot, lang) : undefined;
}

/**
 * A new kit's form: every role question ticked in the role's order, no
 * strength or red flag picked yet, and one empty slot for an own question.
 */
export function newKitFormValues(source: KitBuilderSource, level: Level, lang: KitTextLang): KitFormValues {
  return {
    name: `${source.role.name} — ${level.charAt(0).toUpperCase()}${level.slice(1)}`,
    level,
    questions: [
      ...source.questions.map((q): KitQuestionValues => ({ source: `role:${q.id}`, include: true, text: {}, traits: [], anchors: {} })),
      emptyCustomQuestion(lang),
    ],
    strengths: source.strengths.map(() => false),
    redFlags: source.redFlags.map(() => false),
  };
}

// ---------- Saving ----------

export type KitSaveOutcome = "created" | "updated" | "versioned";

export type KitSaveResult = { ok: true; kitId: number; version: number; outcome: KitSaveOutcome } | { ok: false; errors: KitFieldErrors };

/** Role questions and list positions must exist in the role; reported by form field. */
function checkDraftAgainstRole(snapshot: RoleSnapshot, draft: KitDraft): KitFieldErrors {
  const errors: KitFieldErrors = {};
  for (const question of draft.questions) {
    if (question.kind === "role" && !snapshot.questions.some((q) => q.id === question.questionId)) {
      errors[`questions.${question.formIndex}.source`] = "kits.validation.notInRole";
    }
  }
  for (const [field, items] of [
    ["strengths", snapshot.strengths],
    ["redFlags", snapshot.redFlags],
  ] as const) {
    for (const pick of draft[field]) {
      if (!items.some((item) => item.position === pick.position)) errors[`${field}.${pick.formIndex}`] = "kits.validation.notInRole";
    }
  }
  return errors;
}

function textOf(items: readonly { position: number; text: string }[], position: number): string {
  const item = items.find((i) => i.position === position);
  if (!item) throw new Error(`No item at position ${position}: the draft was not checked against the role`);
  return item.text;
}

/** Writes a version's content rows (the version row exists, its content rows do not). */
async function insertVersionContent(trx: Kysely<Database>, versionId: number, snapshot: RoleSnapshot, draft: KitDraft): Promise<void> {
  if (snapshot.traits.length > 0) {
    await trx
      .insertInto("kit_version_traits")
      .values(
        snapshot.traits.map((t) => ({
          kit_version_id: versionId,
          trait: t.trait,
          low: t.low,
          high: t.high,
          weight: t.weight,
          statement: t.statement,
        })),
      )
      .execute();
  }

  const questions = draft.questions.map((question, index) => {
    const position = index + 1;
    if (question.kind === "custom") {
      return {
        position,
        text: stringifyLocalized(question.text),
        sourceQuestionId: null,
        traits: question.traits,
        anchors: question.traits.flatMap((trait) =>
          ANCHOR_RATINGS.map((rating) => {
            const text = question.anchors[trait]?.[rating];
            if (!text) throw new Error(`Custom question ${position} lacks anchor ${rating} for ${trait}: the schema checks it`);
            return { trait, rating: RATING_NUMBER[rating], text: stringifyLocalized(text) };
          }),
        ),
      };
    }
    const source = snapshot.questions.find((q) => q.id === question.questionId);
    if (!source) throw new Error(`Question ${question.questionId} is not in the role: the draft was not checked`);
    return { position, text: source.text, sourceQuestionId: source.id, traits: source.traits, anchors: source.anchors };
  });
  if (questions.length > 0) {
    const inserted = await trx
      .insertInto("kit_questions")
      .values(
        questions.map((q) => ({ kit_version_id: versionId, position: q.position, text: q.text, source_question_id: q.sourceQuestionId })),
      )
      .returning(["id", "position"])
      .execute();
    // RETURNING order is not guaranteed: match the rows back by position.
    const idAt = new Map(inserted.map((row) => [row.position, row.id]));
    const traitRows: Insertable<KitQuestionTraitsTable>[] = [];
    const anchorRows: Insertable<KitQuestionAnchorsTable>[] = [];
    for (const q of questions) {
      const id = idAt.get(q.position);
      if (id === undefined) throw new Error(`No id returned for kit question ${q.position}`);
      for (const trait of q.traits) traitRows.push({ kit_question_id: id, trait });
      for (const anchor of q.anchors)
        anchorRows.push({ kit_question_id: id, trait: anchor.trait, rating: anchor.rating, text: anchor.text });
    }
    if (traitRows.length > 0) await trx.insertInto("kit_question_traits").values(traitRows).execute();
    if (anchorRows.length > 0) await trx.insertInto("kit_question_anchors").values(anchorRows).execute();
  }

  if (draft.strengths.length > 0) {
    await trx
      .insertInto("kit_strengths")
      .values(
        draft.strengths.map((pick, index) => ({
          kit_version_id: versionId,
          position: index + 1,
          text: textOf(snapshot.strengths, pick.position),
        })),
      )
      .execute();
  }
  if (draft.redFlags.length > 0) {
    await trx
      .insertInto("kit_red_flags")
      .values(
        draft.redFlags.map((pick, index) => ({
          kit_version_id: versionId,
          position: index + 1,
          text: textOf(snapshot.redFlags, pick.position),
        })),
      )
      .execute();
  }
  const expectations = snapshot.expectations.filter((e) => e.level === draft.level);
  if (expectations.length > 0) {
    await trx
      .insertInto("kit_expectations")
      .values(
        expectations.map((e, index) => ({
          kit_version_id: versionId,
          position: index + 1,
          skill_name: e.skillName,
          mandatory: e.mandatory ? (1 as const) : (0 as const),
          description: e.description,
        })),
      )
      .execute();
  }
}

function versionRow(
  snapshot: RoleSnapshot,
  draft: KitDraft,
  userId: number,
  now: Date,
): Omit<Insertable<KitVersionsTable>, "kit_id" | "version"> {
  return {
    name: draft.name,
    level: draft.level,
    role_slug: snapshot.role.slug,
    role_name: snapshot.role.name,
    content_language: snapshot.role.contentLanguage,
    created_by: userId,
    created_at: now.toISOString(),
  };
}

/** Creates a kit of the role `roleSlug` with version 1; undefined when there is no such role. */
export async function createKit(
  db: Kysely<Database>,
  args: { roleSlug: string; draft: KitDraft; userId: number },
  now: Date,
): Promise<KitSaveResult | undefined> {
  return inTransaction(db, async (trx): Promise<KitSaveResult | undefined> => {
    const snapshot = await loadRoleSnapshot(trx, { slug: args.roleSlug });
    if (!snapshot) return undefined;
    const errors = checkDraftAgainstRole(snapshot, args.draft);
    if (Object.keys(errors).length > 0) return { ok: false, errors };

    const kit = await trx
      .insertInto("kits")
      .values({ role_id: snapshot.role.id, created_by: args.userId, created_at: now.toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    const version = await trx
      .insertInto("kit_versions")
      .values({ kit_id: kit.id, version: 1, ...versionRow(snapshot, args.draft, args.userId, now) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await insertVersionContent(trx, version.id, snapshot, args.draft);
    await recordAudit(
      trx,
      {
        actorUserId: args.userId,
        action: "kit.create",
        entityType: "kit",
        entityId: kit.id,
        details: { version: 1, roleId: snapshot.role.id },
      },
      now,
    );
    return { ok: true, kitId: kit.id, version: 1, outcome: "created" };
  });
}

/**
 * Saves a kit: version N+1 when an assessment uses version N, otherwise
 * version N's content replaced in place. Undefined when there is no such kit
 * or its role has left the library (a kit is always built from its role).
 */
export async function updateKit(
  db: Kysely<Database>,
  args: { kitId: number; draft: KitDraft; userId: number },
  now: Date,
): Promise<KitSaveResult | undefined> {
  return inTransaction(db, async (trx): Promise<KitSaveResult | undefined> => {
    const kit = await trx.selectFrom("kits").select(["id", "role_id"]).where("id", "=", args.kitId).executeTakeFirst();
    if (!kit || kit.role_id === null) return undefined;
    const latest = await trx
      .selectFrom("kit_versions")
      .select((eb) => [
        "kit_versions.id",
        "kit_versions.version",
        eb
          .exists(eb.selectFrom("assessments").select("assessments.id").whereRef("assessments.kit_version_id", "=", "kit_versions.id"))
          .as("used"),
      ])
      .where("kit_versions.kit_id", "=", kit.id)
      .orderBy("kit_versions.version", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!latest) return undefined;
    const snapshot = await loadRoleSnapshot(trx, { id: kit.role_id });
    if (!snapshot) return undefined;
    const errors = checkDraftAgainstRole(snapshot, args.draft);
    if (Object.keys(errors).length > 0) return { ok: false, errors };

    if (latest.used) {
      const version = latest.version + 1;
      const row = await trx
        .insertInto("kit_versions")
        .values({ kit_id: kit.id, version, ...versionRow(snapshot, args.draft, args.userId, now) })
        .returning("id")
        .executeTakeFirstOrThrow();
      await insertVersionContent(trx, row.id, snapshot, args.draft);
      await recordAudit(
        trx,
        {
          actorUserId: args.userId,
          action: "kit.version",
          entityType: "kit",
          entityId: kit.id,
          details: { version, previousVersion: latest.version },
        },
        now,
      );
      return { ok: true, kitId: kit.id, version, outcome: "versioned" };
    }

    // Nothing refers to an unused version's rows (ratings and notes need an
    // assessment), so its content can be replaced wholesale.
    await trx
      .updateTable("kit_versions")
      .set(versionRow(snapshot, args.draft, args.userId, now))
      .where("id", "=", latest.id)
      .execute();
    await trx.deleteFrom("kit_questions").where("kit_version_id", "=", latest.id).execute(); // traits and anchors cascade
    await trx.deleteFrom("kit_version_traits").where("kit_version_id", "=", latest.id).execute();
    await trx.deleteFrom("kit_strengths").where("kit_version_id", "=", latest.id).execute();
    await trx.deleteFrom("kit_red_flags").where("kit_version_id", "=", latest.id).execute();
    await trx.deleteFrom("kit_expectations").where("kit_version_id", "=", latest.id).execute();
    await insertVersionContent(trx, latest.id, snapshot, args.draft);
    await recordAudit(
      trx,
      { actorUserId: args.userId, action: "kit.update", entityType: "kit", entityId: kit.id, details: { version: latest.version } },
      now,
    );
    return { ok: true, kitId: kit.id, version: latest.version, outcome: "updated" };
  });
}

// ---------- Reading versions ----------

type RawQuestion = {
  id: number;
  position: number;
  text: string;
  sourceQuestionId: number | null;
  traits: TraitKey[];
  anchors: { trait: TraitKey; rating: 1 | 3 | 5; text: string }[];
};

/** A stored version with its content, texts as stored JSON. */
export type StoredKitVersion = {
  id: number;
  version: number;
  name: string;
  level: LevelColumn;
  roleSlug: string;
  roleName: string;
  contentLanguage: ContentLanguage;
  createdAt: string;
  createdByName: string | null;
  assessmentCount: number;
  traits: { trait: TraitKey; low: number; high: number; weight: number; statement: string | null }[];
  questions: RawQuestion[];
  strengths: string[];
  redFlags: string[];
  expectations: { skillName: string; mandatory: boolean; description: string }[];
};

/**
 * The versions of a kit (all, or only `version`), oldest first, with their
 * content: eight queries whatever the number of versions and questions.
 */
async function loadVersions(db: Kysely<Database>, kitId: number, only?: number): Promise<StoredKitVersion[]> {
  let versionQuery = db
    .selectFrom("kit_versions")
    .leftJoin("users", "users.id", "kit_versions.created_by")
    .select((eb) => [
      "kit_versions.id",
      "kit_versions.version",
      "kit_versions.name",
      "kit_versions.level",
      "kit_versions.role_slug",
      "kit_versions.role_name",
      "kit_versions.content_language",
      "kit_versions.created_at",
      "users.name as created_by_name",
      eb
        .selectFrom("assessments")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("assessments.kit_version_id", "=", "kit_versions.id")
        .as("assessment_count"),
    ])
    .where("kit_versions.kit_id", "=", kitId)
    .orderBy("kit_versions.version");
  if (only !== undefined) versionQuery = versionQuery.where("kit_versions.version", "=", only);
  const versions = await versionQuery.execute();
  const ids = versions.map((v) => v.id);
  if (ids.length === 0) return [];

  const [traits, questions, questionTraits, anchors, strengths, redFlags, expectations] = await Promise.all([
    db.selectFrom("kit_version_traits").selectAll().where("kit_version_id", "in", ids).execute(),
    db.selectFrom("kit_questions").selectAll().where("kit_version_id", "in", ids).orderBy("position").execute(),
    db
      .selectFrom("kit_question_traits")
      .innerJoin("kit_questions", "kit_questions.id", "kit_question_traits.kit_question_id")
      .select(["kit_question_traits.kit_question_id", "kit_question_traits.trait"])
      .where("kit_questions.kit_version_id", "in", ids)
      .execute(),
    db
      .selectFrom("kit_question_anchors")
      .innerJoin("kit_questions", "kit_questions.id", "kit_question_anchors.kit_question_id")
      .select([
        "kit_question_anchors.kit_question_id",
        "kit_question_anchors.trait",
        "kit_question_anchors.rating",
        "kit_question_anchors.text",
      ])
      .where("kit_questions.kit_version_id", "in", ids)
      .execute(),
    db.selectFrom("kit_strengths").select(["kit_version_id", "text"]).where("kit_version_id", "in", ids).orderBy("position").execute(),
    db.selectFrom("kit_red_flags").select(["kit_version_id", "text"]).where("kit_version_id", "in", ids).orderBy("position").execute(),
    db.selectFrom("kit_expectations").selectAll().where("kit_version_id", "in", ids).orderBy("position").execute(),
  ]);

  const traitsOf = new Map<number, TraitKey[]>();
  for (const row of questionTraits) traitsOf.set(row.kit_question_id, [...(traitsOf.get(row.kit_question_id) ?? []), row.trait]);
  const anchorsOf = new Map<number, RawQuestion["anchors"]>();
  for (const row of anchors) {
    const rating = toRating(row.rating);
    if (rating)
      anchorsOf.set(row.kit_question_id, [...(anchorsOf.get(row.kit_question_id) ?? []), { trait: row.trait, rating, text: row.text }]);
  }

  return versions.map((v) => ({
    id: v.id,
    version: v.version,
    name: v.name,
    level: v.level,
    roleSlug: v.role_slug,
    roleName: v.role_name,
    contentLanguage: v.content_language,
    createdAt: v.created_at,
    createdByName: v.created_by_name,
    assessmentCount: Number(v.assessment_count ?? 0),
    traits: traits
      .filter((t) => t.kit_version_id === v.id)
      .map((t) => ({ trait: t.trait, low: t.low, high: t.high, weight: t.weight, statement: t.statement }))
      .sort((a, b) => byTraitOrder(a.trait, b.trait)),
    questions: questions
      .filter((q) => q.kit_version_id === v.id)
      .map((q) => ({
        id: q.id,
        position: q.position,
        text: q.text,
        sourceQuestionId: q.source_question_id,
        traits: [...(traitsOf.get(q.id) ?? [])].sort(byTraitOrder),
        anchors: [...(anchorsOf.get(q.id) ?? [])].sort((a, b) => byTraitOrder(a.trait, b.trait) || a.rating - b.rating),
      })),
    strengths: strengths.filter((s) => s.kit_version_id === v.id).map((s) => s.text),
    redFlags: redFlags.filter((s) => s.kit_version_id === v.id).map((s) => s.text),
    expectations: expectations
      .filter((e) => e.kit_version_id === v.id)
      .map((e) => ({ skillName: e.skill_name, mandatory: e.mandatory === 1, description: e.description })),
  }));
}

export type KitQuestionView = {
  id: number;
  position: number;
  text: ShownText;
  fromRole: boolean;
  traits: TraitKey[];
  anchors: KitAnchorView[];
};

/** One version as readers see it. */
export type KitVersionView = {
  id: number;
  version: number;
  name: string;
  level: Level;
  roleSlug: string;
  roleName: string;
  createdAt: string;
  createdByName: string | null;
  assessmentCount: number;
  /** The role's ideal profile when the version was saved; null when the role had none. */
  idealProfile: { trait: TraitKey; low: number; high: number; weight: number; statement: ShownText | null }[] | null;
  questions: KitQuestionView[];
  strengths: ShownText[];
  redFlags: ShownText[];
  expectations: KitExpectationView[];
};

function showVersion(raw: StoredKitVersion, lang: UiLanguage): KitVersionView {
  const show = (json: string) => showText(json, lang, raw.contentLanguage);
  return {
    id: raw.id,
    version: raw.version,
    name: raw.name,
    level: raw.level,
    roleSlug: raw.roleSlug,
    roleName: raw.roleName,
    createdAt: raw.createdAt,
    createdByName: raw.createdByName,
    assessmentCount: raw.assessmentCount,
    idealProfile:
      raw.traits.length === 0
        ? null
        : raw.traits.map((t) => ({
            trait: t.trait,
            low: t.low,
            high: t.high,
            weight: t.weight,
            statement: showOptionalText(t.statement, lang, raw.contentLanguage),
          })),
    questions: raw.questions.map((q) => ({
      id: q.id,
      position: q.position,
      text: show(q.text),
      fromRole: q.sourceQuestionId !== null,
      traits: q.traits,
      anchors: groupAnchors(
        q.anchors.map((a) => ({ trait: a.trait, rating: a.rating, text: show(a.text) })),
        q.traits,
      ),
    })),
    strengths: raw.strengths.map(show),
    redFlags: raw.redFlags.map(show),
    expectations: raw.expectations.map((e) => ({
      skillName: e.skillName,
      mandatory: e.mandatory,
      description: showText(e.description, lang, SKILL_PROFILE_LANGUAGE),
    })),
  };
}

// ---------- What changed between two versions ----------

export type KitChange =
  | { kind: "name"; from: string; to: string }
  | { kind: "level"; from: Level; to: Level }
  | { kind: "questionAdded" | "questionRemoved" | "questionChanged"; text: ShownText }
  | { kind: "questionsReordered" }
  | { kind: "strengthAdded" | "strengthRemoved" | "redFlagAdded" | "redFlagRemoved"; text: ShownText }
  | { kind: "expectationsChanged"; from: number; to: number }
  | { kind: "idealProfileAdded" | "idealProfileRemoved" | "idealProfileChanged" };

/** A question's identity across versions: its role question, or its own text. */
function questionKey(q: RawQuestion): string {
  return q.sourceQuestionId !== null ? `role:${q.sourceQuestionId}` : `text:${q.text}`;
}

function questionContent(q: RawQuestion): string {
  return JSON.stringify([q.text, q.traits, q.anchors]);
}

/** The changes from `older` to `newer`, in reading order; texts shown in `lang`. */
export function diffKitVersions(older: StoredKitVersion, newer: StoredKitVersion, lang: UiLanguage): KitChange[] {
  const show = (json: string) => showText(json, lang, newer.contentLanguage);
  const changes: KitChange[] = [];
  if (older.name !== newer.name) changes.push({ kind: "name", from: older.name, to: newer.name });
  if (older.level !== newer.level) changes.push({ kind: "level", from: older.level, to: newer.level });

  const oldByKey = new Map(older.questions.map((q) => [questionKey(q), q]));
  const newByKey = new Map(newer.questions.map((q) => [questionKey(q), q]));
  for (const q of newer.questions) {
    const before = oldByKey.get(questionKey(q));
    if (!before) changes.push({ kind: "questionAdded", text: show(q.text) });
    else if (questionContent(before) !== questionContent(q)) changes.push({ kind: "questionChanged", text: show(q.text) });
  }
  for (const q of older.questions) {
    if (!newByKey.has(questionKey(q))) changes.push({ kind: "questionRemoved", text: showText(q.text, lang, older.contentLanguage) });
  }
  const keptOld = older.questions.map(questionKey).filter((key) => newByKey.has(key));
  const keptNew = newer.questions.map(questionKey).filter((key) => oldByKey.has(key));
  if (keptOld.join("\n") !== keptNew.join("\n")) changes.push({ kind: "questionsReordered" });

  for (const [added, removed, before, after] of [
    ["strengthAdded", "strengthRemoved", older.strengths, newer.strengths],
    ["redFlagAdded", "redFlagRemoved", older.redFlags, newer.redFlags],
  ] as const) {
    for (const text of after) if (!before.includes(text)) changes.push({ kind: added, text: show(text) });
    for (const text of before)
      if (!after.includes(text)) changes.push({ kind: removed, text: showText(text, lang, older.contentLanguage) });
  }

  if (JSON.stringify(older.expectations) !== JSON.stringify(newer.expectations)) {
    changes.push({ kind: "expectationsChanged", from: older.expectations.length, to: newer.expectations.length });
  }
  if (older.traits.length === 0 && newer.traits.length > 0) changes.push({ kind: "idealProfileAdded" });
  else if (older.traits.length > 0 && newer.traits.length === 0) changes.push({ kind: "idealProfileRemoved" });
  else if (JSON.stringify(older.traits) !== JSON.stringify(newer.traits)) changes.push({ kind: "idealProfileChanged" });
  return changes;
}

// ---------- Pages ----------

export type KitListItem = {
  id: number;
  name: string;
  roleName: string;
  roleSlug: string;
  level: Level;
  version: number;
  questionCount: number;
  /** Assessments using any version of the kit. */
  useCount: number;
  archived: boolean;
};

/** Every kit by its latest version, by name; one query. Archived kits only with `showArchived`. */
export async function listKits(db: Kysely<Database>, options: { showArchived?: boolean } = {}): Promise<KitListItem[]> {
  const rows = await db
    .selectFrom("kits")
    .innerJoin("kit_versions as v", "v.kit_id", "kits.id")
    .select((eb) => [
      "kits.id",
      "v.name",
      "v.role_name",
      "v.role_slug",
      "v.level",
      "v.version",
      "kits.archived_at",
      eb
        .selectFrom("kit_questions")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("kit_questions.kit_version_id", "=", "v.id")
        .as("question_count"),
      eb
        .selectFrom("assessments")
        .innerJoin("kit_versions as used", "used.id", "assessments.kit_version_id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("used.kit_id", "=", "kits.id")
        .as("use_count"),
    ])
    .where((eb) =>
      eb(
        "v.version",
        "=",
        eb
          .selectFrom("kit_versions as latest")
          .select((e) => e.fn.max("latest.version").as("m"))
          .whereRef("latest.kit_id", "=", "kits.id"),
      ),
    )
    .$if(!options.showArchived, (q) => q.where("kits.archived_at", "is", null))
    .orderBy("v.name")
    .orderBy("kits.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    roleName: r.role_name,
    roleSlug: r.role_slug,
    level: r.level,
    version: r.version,
    questionCount: Number(r.question_count ?? 0),
    useCount: Number(r.use_count ?? 0),
    archived: r.archived_at !== null,
  }));
}

export type KitArchiveState = {
  archived: { at: string; byName: string | null } | null;
  /** Assessments using any version: a kit with one cannot be deleted. */
  assessments: number;
};

/** Whether a kit is archived (when, by whom) and how many assessments use it; undefined when there is no such kit. */
export async function getKitArchiveState(db: Kysely<Database>, kitId: number): Promise<KitArchiveState | undefined> {
  const row = await db
    .selectFrom("kits")
    .leftJoin("users", "users.id", "kits.archived_by")
    .select((eb) => [
      "kits.archived_at",
      "users.name as archived_by_name",
      eb
        .selectFrom("assessments")
        .innerJoin("kit_versions as used", "used.id", "assessments.kit_version_id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("used.kit_id", "=", "kits.id")
        .as("assessments"),
    ])
    .where("kits.id", "=", kitId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    archived: row.archived_at === null ? null : { at: row.archived_at, byName: row.archived_by_name },
    assessments: Number(row.assessments ?? 0),
  };
}

/** Archives or restores a kit; false when it was already so. Audited. */
export async function setKitArchived(
  db: Kysely<Database>,
  args: { kitId: number; archived: boolean; actorId: number },
  now: Date,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable("kits")
      .set(args.archived ? { archived_at: now.toISOString(), archived_by: args.actorId } : { archived_at: null, archived_by: null })
      .where("id", "=", args.kitId)
      .where("archived_at", args.archived ? "is" : "is not", null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    await recordAudit(
      trx,
      { actorUserId: args.actorId, action: args.archived ? "kit.archive" : "kit.restore", entityType: "kit", entityId: args.kitId },
      now,
    );
    return true;
  });
}

/** Deletes a kit no assessment uses, with its versions (they cascade); "used" is checked in the delete's transaction. */
export async function deleteKit(
  db: Kysely<Database>,
  args: { kitId: number; actorId: number },
  now: Date,
): Promise<"deleted" | "used" | "notFound"> {
  return inTransaction(db, async (trx) => {
    const state = await getKitArchiveState(trx, args.kitId);
    if (!state) return "notFound";
    if (state.assessments > 0) return "used";
    await trx.deleteFrom("kits").where("id", "=", args.kitId).execute();
    await recordAudit(trx, { actorUserId: args.actorId, action: "kit.delete", entityType: "kit", entityId: args.kitId }, now);
    return "deleted";
  });
}

/** Whether a kit with this id exists. */
export async function kitExists(db: Kysely<Database>, kitId: number): Promise<boolean> {
  const row = await db.selectFrom("kits").select("id").where("id", "=", kitId).executeTakeFirst();
  return row !== undefined;
}

export type KitHistoryEntry = KitVersionView & {
  /** Changes from the version before; null for version 1. */
  changes: KitChange[] | null;
};

export type KitDetail = {
  id: number;
  /** False when the kit's role has left the library: the kit can be read and printed, not edited. */
  roleInLibrary: boolean;
  latest: KitVersionView;
  /** Newest first. */
  history: KitHistoryEntry[];
};

/** A kit with every version and what changed between them; undefined when there is no such kit. */
export async function getKitDetail(db: Kysely<Database>, kitId: number, lang: UiLanguage): Promise<KitDetail | undefined> {
  const kit = await db.selectFrom("kits").select(["id", "role_id"]).where("id", "=", kitId).executeTakeFirst();
  if (!kit) return undefined;
  const versions = await loadVersions(db, kit.id);
  const newest = versions[versions.length - 1];
  if (!newest) return undefined;
  const history = versions
    .map((raw, index): KitHistoryEntry => {
      const previous = index > 0 ? versions[index - 1] : undefined;
      return { ...showVersion(raw, lang), changes: previous ? diffKitVersions(previous, raw, lang) : null };
    })
    .reverse();
  const latest = history[0];
  if (!latest) return undefined;
  return { id: kit.id, roleInLibrary: kit.role_id !== null, latest, history };
}

/** One version of a kit (the latest when `version` is null); undefined when there is none. */
export async function getKitVersion(
  db: Kysely<Database>,
  kitId: number,
  version: number | null,
  lang: UiLanguage,
): Promise<KitVersionView | undefined> {
  let wanted = version;
  if (wanted === null) {
    const latest = await db
      .selectFrom("kit_versions")
      .select((eb) => eb.fn.max("version").as("v"))
      .where("kit_id", "=", kitId)
      .executeTakeFirst();
    if (latest?.v === null || latest?.v === undefined) return undefined;
    wanted = Number(latest.v);
  }
  const [raw] = await loadVersions(db, kitId, wanted);
  return raw ? showVersion(raw, lang) : undefined;
}

export type KitEditor = {
  kitId: number;
  source: KitBuilderSource;
  values: KitFormValues;
  latest: { version: number; assessmentCount: number };
};

/** A question the recruiter wrote, back into the form, in the one language it was written in. */
function customValues(q: RawQuestion, lang: UiLanguage): KitQuestionValues {
  const text = parseLocalized(q.text);
  const written: KitTextLang = text?.[lang] !== undefined ? lang : (KIT_TEXT_LANGS.find((l) => text?.[l] !== undefined) ?? lang);
  // A text without that language (a copied role question whose role question is gone) shows its best language.
  const pick = (json: string): string => {
    const localized = parseLocalized(json);
    if (!localized) return "";
    return localized[written] ?? pickText(localized, lang, written).text;
  };
  const anchors: Partial<Record<TraitKey, Partial<Record<AnchorRating, KitTextValues>>>> = {};
  for (const anchor of q.anchors) {
    const rating: AnchorRating = `${anchor.rating}`;
    anchors[anchor.trait] = { ...anchors[anchor.trait], [rating]: { [written]: pick(anchor.text) } };
  }
  return { source: "custom", include: false, text: { [written]: pick(q.text) }, traits: [...q.traits], anchors };
}

/**
 * The builder form of a kit's latest version against its role as it is now:
 * the kit's questions in kit order (a copied role question is matched back by
 * its id, or by its text when the role was re-imported), then the role's
 * other questions unticked, then an empty slot. Undefined when there is no
 * such kit or its role has left the library.
 */
export async function getKitEditor(db: Kysely<Database>, kitId: number, lang: UiLanguage): Promise<KitEditor | undefined> {
  const kit = await db.selectFrom("kits").select(["id", "role_id"]).where("id", "=", kitId).executeTakeFirst();
  if (!kit || kit.role_id === null) return undefined;
  const [snapshot, latestRow] = await Promise.all([
    loadRoleSnapshot(db, { id: kit.role_id }),
    db
      .selectFrom("kit_versions")
      .select((eb) => eb.fn.max("version").as("v"))
      .where("kit_id", "=", kit.id)
      .executeTakeFirst(),
  ]);
  if (!snapshot || latestRow?.v === null || latestRow?.v === undefined) return undefined;
  const [latest] = await loadVersions(db, kit.id, Number(latestRow.v));
  if (!latest) return undefined;

  const taken = new Set<number>();
  const questions: KitQuestionValues[] = [];
  for (const q of latest.questions) {
    const match =
      snapshot.questions.find((r) => r.id === q.sourceQuestionId && !taken.has(r.id)) ??
      snapshot.questions.find((r) => !taken.has(r.id) && r.text === q.text);
    if (match) {
      taken.add(match.id);
      questions.push({ source: `role:${match.id}`, include: true, text: {}, traits: [], anchors: {} });
    } else {
      questions.push(customValues(q, lang));
    }
  }
  for (const r of snapshot.questions) {
    if (!taken.has(r.id)) questions.push({ source: `role:${r.id}`, include: false, text: {}, traits: [], anchors: {} });
  }
  questions.push(emptyCustomQuestion(lang));

  return {
    kitId: kit.id,
    source: builderSource(snapshot, lang),
    values: {
      name: latest.name,
      level: latest.level,
      questions,
      strengths: snapshot.strengths.map((s) => (latest.strengths.includes(s.text) ? String(s.position) : false)),
      redFlags: snapshot.redFlags.map((s) => (latest.redFlags.includes(s.text) ? String(s.position) : false)),
    },
    latest: { version: latest.version, assessmentCount: latest.assessmentCount },
  };
}

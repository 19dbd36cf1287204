import type { Insertable, Kysely } from "kysely";
import type { Level } from "~/domain/levels";
import type { Database, KitQuestionAnchorsTable, KitQuestionTraitsTable, KitVersionsTable } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { recordAudit } from "~/models/audit.server";
import { loadRoleSnapshot, type RoleSnapshot } from "~/models/kit-builder.server";
import { ANCHOR_RATINGS } from "~/domain/anchors";
import type { KitDraft, KitFieldErrors } from "~/schemas/kit";
import { stringifyLocalized } from "~/schemas/localized";

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
 * never changes. Each write is one transaction, or joins the caller's.
 */

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
            const text = question.anchors[trait]?.[`${rating}`];
            if (!text) throw new Error(`Custom question ${position} lacks anchor ${rating} for ${trait}: the schema checks it`);
            return { trait, rating, text: stringifyLocalized(text) };
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

import { sql, type Kysely } from "kysely";
import { idColumn, floatType } from "../dialect";

/*
 * The whole data model of docs/product.md in one migration, so later issues add
 * behaviour, not tables. Written with Kysely's schema builder and portable SQL
 * (no SQLite-only types) so that PostgreSQL can run it later.
 *
 * Conventions:
 * - Localized content is a JSON object text column {"es": "...", "en": "..."}:
 *   the documents are Spanish, English and Chinese, and a role shows each text
 *   in the reader's language when the data has it.
 * - Timestamps are ISO-8601 UTC text.
 * - Trait keys, levels, ratings and codes are checked here as well as in zod,
 *   so no path into the database can store an impossible value.
 */

const TRAITS = ["openness", "conscientiousness", "extraversion", "agreeableness", "emotional_stability", "relational_engagement"];
const LEVELS = ["junior", "mid", "senior", "lead", "principal"];

const inList = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

// Kysely<unknown>, no table types: a migration is frozen history and must
// not follow the app's Database type as it changes later.
export async function up(db: Kysely<unknown>): Promise<void> {
  // ---------- Role library ----------
  await db.schema
    .createTable("roles")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("family", "text", (c) => c.notNull())
    .addColumn("summary", "text") // localized JSON
    .addColumn("content_language", "text", (c) => c.notNull().check(sql`content_language in ('es', 'en', 'zh')`))
    .addColumn("source_note", "text")
    .addColumn("success_case_title", "text") // localized JSON
    .addColumn("success_case_story", "text") // localized JSON
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("roles_name_idx").on("roles").column("name").execute();
  await db.schema.createIndex("roles_family_idx").on("roles").column("family").execute();

  await db.schema
    .createTable("role_traits")
    .addColumn("role_id", "integer", (c) => c.notNull().references("roles.id").onDelete("cascade"))
    .addColumn("trait", "text", (c) => c.notNull().check(inList("trait", TRAITS)))
    .addColumn("low", "integer", (c) => c.notNull().check(sql`low between 0 and 100`))
    .addColumn("high", "integer", (c) => c.notNull().check(sql`high between 0 and 100`))
    .addColumn("weight", "integer", (c) => c.notNull().check(sql`weight in (1, 2, 3)`))
    .addColumn("statement", "text") // localized JSON
    // Bands are not in the documents (they were a chart): 'team' marks numbers set by the team.
    .addColumn("band_source", "text", (c) => c.notNull().check(sql`band_source in ('team', 'published')`))
    .addPrimaryKeyConstraint("role_traits_pk", ["role_id", "trait"])
    .addCheckConstraint("role_traits_band_order", sql`low <= high`)
    .execute();

  for (const table of ["role_strengths", "role_red_flags"]) {
    await db.schema
      .createTable(table)
      .addColumn("id", "integer", idColumn(db))
      .addColumn("role_id", "integer", (c) => c.notNull().references("roles.id").onDelete("cascade"))
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addUniqueConstraint(`${table}_position_uq`, ["role_id", "position"])
      .execute();
  }

  await db.schema
    .createTable("questions")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("role_id", "integer", (c) => c.notNull().references("roles.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("evaluates_note", "text") // localized JSON: the document's "Evalúa: …" line
    .addUniqueConstraint("questions_position_uq", ["role_id", "position"])
    .execute();

  await db.schema
    .createTable("question_traits")
    .addColumn("question_id", "integer", (c) => c.notNull().references("questions.id").onDelete("cascade"))
    .addColumn("trait", "text", (c) => c.notNull().check(inList("trait", TRAITS)))
    .addPrimaryKeyConstraint("question_traits_pk", ["question_id", "trait"])
    .execute();

  await db.schema
    .createTable("question_anchors")
    .addColumn("question_id", "integer", (c) => c.notNull())
    .addColumn("trait", "text", (c) => c.notNull())
    .addColumn("rating", "integer", (c) => c.notNull().check(sql`rating in (1, 3, 5)`))
    .addColumn("text", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("question_anchors_pk", ["question_id", "trait", "rating"])
    .addForeignKeyConstraint("question_anchors_trait_fk", ["question_id", "trait"], "question_traits", ["question_id", "trait"], (fk) =>
      fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("transitions")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("role_id", "integer", (c) => c.notNull().references("roles.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("target_name", "text", (c) => c.notNull())
    .addColumn("target_slug", "text", (c) => c.notNull())
    .addColumn("published_fit", "integer", (c) => c.notNull().check(sql`published_fit between 0 and 100`))
    .addUniqueConstraint("transitions_position_uq", ["role_id", "position"])
    .addUniqueConstraint("transitions_target_uq", ["role_id", "target_slug"])
    .execute();
  await db.schema.createIndex("transitions_target_idx").on("transitions").column("target_slug").execute();

  await db.schema
    .createTable("transition_strengths")
    .addColumn("transition_id", "integer", (c) => c.notNull().references("transitions.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("transition_strengths_pk", ["transition_id", "position"])
    .execute();

  await db.schema
    .createTable("transition_deltas")
    .addColumn("transition_id", "integer", (c) => c.notNull().references("transitions.id").onDelete("cascade"))
    .addColumn("trait", "text", (c) => c.notNull().check(inList("trait", TRAITS)))
    .addColumn("delta", "integer", (c) => c.notNull().check(sql`delta between -100 and 100`))
    .addPrimaryKeyConstraint("transition_deltas_pk", ["transition_id", "trait"])
    .execute();

  await db.schema
    .createTable("similar_roles")
    .addColumn("role_id", "integer", (c) => c.notNull().references("roles.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("similar_name", "text", (c) => c.notNull())
    .addColumn("similar_slug", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("similar_roles_pk", ["role_id", "similar_slug"])
    .execute();

  await db.schema
    .createTable("archetypes")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("role_id", "integer", (c) => c.notNull().references("roles.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addUniqueConstraint("archetypes_position_uq", ["role_id", "position"])
    .execute();

  // ---------- Skills ----------
  await db.schema
    .createTable("skill_domains")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable("skills")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("domain_id", "integer", (c) => c.notNull().references("skill_domains.id").onDelete("restrict"))
    .addColumn("skill_group", "text") // the documents' "skills.group", e.g. MLOps
    .addColumn("description", "text") // localized JSON
    .addColumn("published_on", "text") // the page's "last updated", as an ISO date
    .execute();
  await db.schema.createIndex("skills_domain_idx").on("skills").column("domain_id").execute();

  await db.schema
    .createTable("role_skill_cells")
    .addColumn("role_id", "integer", (c) => c.notNull().references("roles.id").onDelete("cascade"))
    .addColumn("skill_id", "integer", (c) => c.notNull().references("skills.id").onDelete("restrict"))
    .addColumn("level", "text", (c) => c.notNull().check(inList("level", LEVELS)))
    // The documents do not define the letters (A, W, E, —): stored verbatim, never interpreted.
    .addColumn("code", "text", (c) => c.notNull().check(sql`length(code) between 1 and 8`))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("role_skill_cells_pk", ["role_id", "skill_id", "level"])
    .execute();

  await db.schema
    .createTable("role_level_focus")
    .addColumn("role_id", "integer", (c) => c.notNull().references("roles.id").onDelete("cascade"))
    .addColumn("level", "text", (c) => c.notNull().check(inList("level", LEVELS)))
    .addColumn("text", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("role_level_focus_pk", ["role_id", "level"])
    .execute();

  await db.schema
    .createTable("role_technologies")
    .addColumn("role_id", "integer", (c) => c.notNull().references("roles.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("role_technologies_pk", ["role_id", "position"])
    .execute();

  await db.schema
    .createTable("skill_expectations")
    .addColumn("skill_id", "integer", (c) => c.notNull().references("skills.id").onDelete("cascade"))
    .addColumn("role_id", "integer", (c) => c.notNull().references("roles.id").onDelete("cascade"))
    .addColumn("level", "text", (c) => c.notNull().check(inList("level", LEVELS)))
    .addColumn("mandatory", "integer", (c) => c.notNull().check(sql`mandatory in (0, 1)`))
    .addColumn("description", "text", (c) => c.notNull()) // localized JSON
    .addPrimaryKeyConstraint("skill_expectations_pk", ["skill_id", "role_id", "level"])
    .execute();
  await db.schema.createIndex("skill_expectations_role_level_idx").on("skill_expectations").columns(["role_id", "level"]).execute();

  // ---------- People and access ----------
  await db.schema
    .createTable("users")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("email", "text", (c) => c.notNull().unique()) // stored lower-cased
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('recruiter', 'interviewer')`))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("deactivated_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey()) // SHA-256 of the cookie's id: a DB leak gives no live session
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("invites")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('recruiter', 'interviewer')`))
    .addColumn("invited_by", "integer", (c) => c.notNull().references("users.id").onDelete("restrict"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("accepted_at", "text")
    .addColumn("accepted_user_id", "integer", (c) => c.references("users.id").onDelete("restrict"))
    .execute();

  await db.schema
    .createTable("login_failures")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("account_key", "text", (c) => c.notNull()) // hash of the lower-cased email tried
    .addColumn("client_key", "text", (c) => c.notNull()) // hash of the client address
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_failures_account_idx").on("login_failures").columns(["account_key", "at"]).execute();
  await db.schema.createIndex("login_failures_client_idx").on("login_failures").columns(["client_key", "at"]).execute();

  // ---------- Candidates, kits, assessments ----------
  await db.schema
    .createTable("candidates")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("role_id", "integer", (c) => c.references("roles.id").onDelete("set null"))
    .addColumn("source", "text")
    .addColumn("notes", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("restrict"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("candidates_name_idx").on("candidates").columns(["name", "id"]).execute();
  await db.schema.createIndex("candidates_created_idx").on("candidates").columns(["created_at", "id"]).execute();
  await db.schema.createIndex("candidates_role_idx").on("candidates").column("role_id").execute();

  await db.schema
    .createTable("kits")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("role_id", "integer", (c) => c.references("roles.id").onDelete("set null"))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("restrict"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("kits_role_idx").on("kits").column("role_id").execute();

  // A kit version is a frozen copy of everything an interview uses, the role's
  // ideal profile included: history never changes once an assessment uses it.
  await db.schema
    .createTable("kit_versions")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("kit_id", "integer", (c) => c.notNull().references("kits.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull().check(inList("level", LEVELS)))
    .addColumn("role_slug", "text", (c) => c.notNull())
    .addColumn("role_name", "text", (c) => c.notNull())
    .addColumn("content_language", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("restrict"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("kit_versions_version_uq", ["kit_id", "version"])
    .execute();

  await db.schema
    .createTable("kit_version_traits")
    .addColumn("kit_version_id", "integer", (c) => c.notNull().references("kit_versions.id").onDelete("cascade"))
    .addColumn("trait", "text", (c) => c.notNull().check(inList("trait", TRAITS)))
    .addColumn("low", "integer", (c) => c.notNull().check(sql`low between 0 and 100`))
    .addColumn("high", "integer", (c) => c.notNull().check(sql`high between 0 and 100`))
    .addColumn("weight", "integer", (c) => c.notNull().check(sql`weight in (1, 2, 3)`))
    .addColumn("statement", "text")
    .addPrimaryKeyConstraint("kit_version_traits_pk", ["kit_version_id", "trait"])
    .addCheckConstraint("kit_version_traits_band_order", sql`low <= high`)
    .execute();

  await db.schema
    .createTable("kit_questions")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("kit_version_id", "integer", (c) => c.notNull().references("kit_versions.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    // The role question it was picked from; null for a recruiter's own question.
    .addColumn("source_question_id", "integer", (c) => c.references("questions.id").onDelete("set null"))
    .addUniqueConstraint("kit_questions_position_uq", ["kit_version_id", "position"])
    .execute();

  await db.schema
    .createTable("kit_question_traits")
    .addColumn("kit_question_id", "integer", (c) => c.notNull().references("kit_questions.id").onDelete("cascade"))
    .addColumn("trait", "text", (c) => c.notNull().check(inList("trait", TRAITS)))
    .addPrimaryKeyConstraint("kit_question_traits_pk", ["kit_question_id", "trait"])
    .execute();

  await db.schema
    .createTable("kit_question_anchors")
    .addColumn("kit_question_id", "integer", (c) => c.notNull())
    .addColumn("trait", "text", (c) => c.notNull())
    .addColumn("rating", "integer", (c) => c.notNull().check(sql`rating in (1, 3, 5)`))
    .addColumn("text", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("kit_question_anchors_pk", ["kit_question_id", "trait", "rating"])
    .addForeignKeyConstraint(
      "kit_question_anchors_trait_fk",
      ["kit_question_id", "trait"],
      "kit_question_traits",
      ["kit_question_id", "trait"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  for (const table of ["kit_strengths", "kit_red_flags"]) {
    await db.schema
      .createTable(table)
      .addColumn("id", "integer", idColumn(db))
      .addColumn("kit_version_id", "integer", (c) => c.notNull().references("kit_versions.id").onDelete("cascade"))
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addUniqueConstraint(`${table}_position_uq`, ["kit_version_id", "position"])
      .execute();
  }

  await db.schema
    .createTable("kit_expectations")
    .addColumn("kit_version_id", "integer", (c) => c.notNull().references("kit_versions.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("skill_name", "text", (c) => c.notNull())
    .addColumn("mandatory", "integer", (c) => c.notNull().check(sql`mandatory in (0, 1)`))
    .addColumn("description", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("kit_expectations_pk", ["kit_version_id", "position"])
    .execute();

  await db.schema
    .createTable("assessments")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("candidate_id", "integer", (c) => c.notNull().references("candidates.id").onDelete("cascade"))
    .addColumn("kit_version_id", "integer", (c) => c.notNull().references("kit_versions.id").onDelete("restrict"))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("restrict"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("assessments_candidate_idx").on("assessments").column("candidate_id").execute();
  await db.schema.createIndex("assessments_kit_version_idx").on("assessments").column("kit_version_id").execute();

  await db.schema
    .createTable("assessment_interviewers")
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("restrict"))
    .addColumn("added_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("assessment_interviewers_pk", ["assessment_id", "user_id"])
    .execute();
  await db.schema.createIndex("assessment_interviewers_user_idx").on("assessment_interviewers").column("user_id").execute();

  await db.schema
    .createTable("scorecards")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("assessment_id", "integer", (c) => c.notNull())
    .addColumn("interviewer_id", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
    .addColumn("recommendation", "text", (c) => c.check(sql`recommendation in ('strong_no', 'no', 'yes', 'strong_yes')`))
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(1)) // bumped by every save
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text")
    .addUniqueConstraint("scorecards_interviewer_uq", ["assessment_id", "interviewer_id"])
    // A scorecard belongs to an interviewer assigned to its assessment.
    .addForeignKeyConstraint(
      "scorecards_assignment_fk",
      ["assessment_id", "interviewer_id"],
      "assessment_interviewers",
      ["assessment_id", "user_id"],
      (fk) => fk.onDelete("cascade"),
    )
    .addCheckConstraint("scorecards_submitted_complete", sql`status = 'draft' or (recommendation is not null and submitted_at is not null)`)
    .execute();
  await db.schema.createIndex("scorecards_interviewer_idx").on("scorecards").column("interviewer_id").execute();

  await db.schema
    .createTable("ratings")
    .addColumn("scorecard_id", "integer", (c) => c.notNull().references("scorecards.id").onDelete("cascade"))
    .addColumn("kit_question_id", "integer", (c) => c.notNull())
    .addColumn("trait", "text", (c) => c.notNull())
    .addColumn("rating", "integer", (c) => c.notNull().check(sql`rating between 1 and 5`))
    .addPrimaryKeyConstraint("ratings_pk", ["scorecard_id", "kit_question_id", "trait"])
    // Only a trait the question evaluates can be rated.
    .addForeignKeyConstraint("ratings_trait_fk", ["kit_question_id", "trait"], "kit_question_traits", ["kit_question_id", "trait"], (fk) =>
      fk.onDelete("restrict"),
    )
    .execute();

  await db.schema
    .createTable("scorecard_notes")
    .addColumn("scorecard_id", "integer", (c) => c.notNull().references("scorecards.id").onDelete("cascade"))
    .addColumn("kit_question_id", "integer", (c) => c.notNull().references("kit_questions.id").onDelete("restrict"))
    .addColumn("notes", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("scorecard_notes_pk", ["scorecard_id", "kit_question_id"])
    .execute();

  await db.schema
    .createTable("observed_strengths")
    .addColumn("scorecard_id", "integer", (c) => c.notNull().references("scorecards.id").onDelete("cascade"))
    .addColumn("kit_strength_id", "integer", (c) => c.notNull().references("kit_strengths.id").onDelete("restrict"))
    .addPrimaryKeyConstraint("observed_strengths_pk", ["scorecard_id", "kit_strength_id"])
    .execute();

  await db.schema
    .createTable("observed_red_flags")
    .addColumn("scorecard_id", "integer", (c) => c.notNull().references("scorecards.id").onDelete("cascade"))
    .addColumn("kit_red_flag_id", "integer", (c) => c.notNull().references("kit_red_flags.id").onDelete("restrict"))
    .addColumn("evidence", "text")
    .addPrimaryKeyConstraint("observed_red_flags_pk", ["scorecard_id", "kit_red_flag_id"])
    .execute();

  await db.schema
    .createTable("decisions")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("decision", "text", (c) => c.notNull().check(sql`decision in ('advance', 'hold', 'reject')`))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("decided_by", "integer", (c) => c.notNull().references("users.id").onDelete("restrict"))
    .addColumn("decided_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("decisions_assessment_idx").on("decisions").columns(["assessment_id", "decided_at"]).execute();

  // Cache of the panel's aggregate, written in the same transaction as the
  // scorecard submit/reopen it derives from; ratings stay the truth.
  const resultTable = db.schema
    .createTable("assessment_results")
    .addColumn("assessment_id", "integer", (c) => c.primaryKey().references("assessments.id").onDelete("cascade"))
    .addColumn("role_slug", "text", (c) => c.notNull())
    .addColumn("fit", floatType(db))
    .addColumn("coverage", floatType(db), (c) => c.notNull().check(sql`coverage between 0 and 1`))
    .addColumn("evidence", "integer", (c) => c.notNull())
    .addColumn("submitted_scorecards", "integer", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull());
  let withTraits = resultTable;
  for (const trait of TRAITS) {
    withTraits = withTraits
      .addColumn(`${trait}_score`, floatType(db), (c) => c.check(sql.raw(`${trait}_score between 0 and 100`)))
      .addColumn(`${trait}_evidence`, "integer", (c) => c.notNull().defaultTo(0));
  }
  await withTraits.execute();
  await db.schema.createIndex("assessment_results_rank_idx").on("assessment_results").columns(["role_slug", "fit", "coverage"]).execute();

  await db.schema
    .createTable("report_links")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique()) // SHA-256; the token itself is never stored
    .addColumn("language", "text", (c) => c.notNull().check(sql`language in ('en', 'es')`))
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id").onDelete("restrict"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("report_links_assessment_idx").on("report_links").column("assessment_id").execute();

  // Ids and actions only, never personal data: it outlives an erased candidate.
  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("details", "text") // JSON of ids and enums
    .execute();
  await db.schema.createIndex("audit_log_at_idx").on("audit_log").columns(["at", "id"]).execute();
  await db.schema.createIndex("audit_log_entity_idx").on("audit_log").columns(["entity_type", "entity_id"]).execute();
}

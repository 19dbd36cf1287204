import { sql, type Kysely } from "kysely";
import { dialectOf, idColumn } from "../dialect";

/*
 * Issue 23: the grade calculator's marks in assessments, the success case's
 * OCEAN+ profile, and Chinese (zh-CN) as a third interface language.
 *
 * - `scorecard_expectation_marks`: an interviewer's mark on a skill
 *   expectation of the kit (met, partly, not met). No row is "not asked".
 *   It names the kit's expectation by its version and position, so a mark can
 *   only be of an expectation the kit has.
 * - `role_success_case_traits`: the success case's score per trait, 0–100.
 *   The documents drew it as a chart only, so the numbers are the team's
 *   reading of the case's story; a trait without a row is not drawn.
 * - The language columns that allowed only 'en' and 'es' (a user's e-mail
 *   language, a report link's and a report snapshot's) allow 'zh-CN' too.
 *   SQLite cannot change a CHECK in place: users.language is a new column
 *   copied and renamed; the report tables are rebuilt with their rows, ids
 *   and indexes, the links before their snapshots so that dropping the old
 *   tables cascades into nothing. PostgreSQL replaces the two tables' CHECKs.
 */

const UI_LANGUAGES = sql`('en', 'es', 'zh-CN')`;

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("scorecard_expectation_marks")
    .addColumn("scorecard_id", "integer", (c) => c.notNull().references("scorecards.id").onDelete("cascade"))
    .addColumn("kit_version_id", "integer", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("mark", "text", (c) => c.notNull().check(sql`mark in ('met', 'partly', 'not_met')`))
    .addPrimaryKeyConstraint("scorecard_expectation_marks_pk", ["scorecard_id", "position"])
    .addForeignKeyConstraint(
      "scorecard_expectation_marks_expectation_fk",
      ["kit_version_id", "position"],
      "kit_expectations",
      ["kit_version_id", "position"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("scorecard_expectation_marks_expectation_idx")
    .on("scorecard_expectation_marks")
    .columns(["kit_version_id", "position"])
    .execute();

  await db.schema
    .createTable("role_success_case_traits")
    .addColumn("role_id", "integer", (c) => c.notNull().references("roles.id").onDelete("cascade"))
    .addColumn("trait", "text", (c) =>
      c
        .notNull()
        .check(
          sql`trait in ('openness', 'conscientiousness', 'extraversion', 'agreeableness', 'emotional_stability', 'relational_engagement')`,
        ),
    )
    .addColumn("score", "integer", (c) => c.notNull().check(sql`score between 0 and 100`))
    .addPrimaryKeyConstraint("role_success_case_traits_pk", ["role_id", "trait"])
    .execute();

  await db.schema
    .alterTable("users")
    .addColumn("language_next", "text", (c) => c.check(sql`language_next in ${UI_LANGUAGES}`))
    .execute();
  await sql`update users set language_next = language`.execute(db);
  await db.schema.alterTable("users").dropColumn("language").execute();
  await db.schema.alterTable("users").renameColumn("language_next", "language").execute();

  if (dialectOf(db) === "postgres") {
    // PostgreSQL changes a CHECK in place: the tables, their ids and their links stay as they are.
    for (const table of ["report_snapshots", "report_links"]) {
      await sql.raw(`alter table ${table} drop constraint ${table}_language_check`).execute(db);
      await sql.raw(`alter table ${table} add constraint ${table}_language_check check (language in ('en', 'es', 'zh-CN'))`).execute(db);
    }
    return;
  }

  await db.schema
    .createTable("report_snapshots_next")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
    .addColumn("language", "text", (c) => c.notNull().check(sql`language in ${UI_LANGUAGES}`))
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("restrict"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("report_snapshots_version_language", ["assessment_id", "version", "language"])
    .execute();
  await sql`
    insert into report_snapshots_next (id, assessment_id, version, language, content, created_by, created_at)
    select id, assessment_id, version, language, content, created_by, created_at from report_snapshots
  `.execute(db);

  await db.schema
    .createTable("report_links_next")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("language", "text", (c) => c.notNull().check(sql`language in ${UI_LANGUAGES}`))
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id").onDelete("restrict"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("snapshot_id", "integer", (c) => c.references("report_snapshots_next.id").onDelete("cascade"))
    .addColumn("opens", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_opened_at", "text")
    .execute();
  await sql`
    insert into report_links_next
      (id, assessment_id, token_hash, language, created_by, created_at, expires_at, revoked_at, snapshot_id, opens, last_opened_at)
    select id, assessment_id, token_hash, language, created_by, created_at, expires_at, revoked_at, snapshot_id, opens, last_opened_at
    from report_links
  `.execute(db);

  await db.schema.dropTable("report_links").execute();
  await db.schema.dropTable("report_snapshots").execute();
  // Renaming a table rewrites the references to it: report_links_next's snapshot_id follows.
  await db.schema.alterTable("report_snapshots_next").renameTo("report_snapshots").execute();
  await db.schema.alterTable("report_links_next").renameTo("report_links").execute();
  await db.schema.createIndex("report_links_assessment_idx").on("report_links").column("assessment_id").execute();
  await db.schema.createIndex("report_links_snapshot_idx").on("report_links").column("snapshot_id").execute();
}

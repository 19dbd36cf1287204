import { sql, type Kysely } from "kysely";
import { idColumn } from "../dialect";

/*
 * Change proposals (issue 22). Every version of a role or skill profile is
 * kept whole (`profile_versions.content`, the profile as a JSON document),
 * whoever made it: the library, a recruiter's edit or import, or an accepted
 * proposal. A proposal names the version it was based on and holds its change
 * as a structured diff (app/domain/profile-diff.ts), with its votes (one per
 * member), comments and activity (the status history, and what followers are
 * told). A row belongs to a role or to a skill: exactly one of role_id and
 * skill_id is set. Deleting a role deletes what was said about it.
 */

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  const oneTarget = sql`(role_id is null) <> (skill_id is null)`;

  await db.schema
    .createTable("proposals")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("role_id", "integer", (c) => c.references("roles.id").onDelete("cascade"))
    .addColumn("skill_id", "integer", (c) => c.references("skills.id").onDelete("cascade"))
    .addColumn("base_version", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("rationale", "text", (c) => c.notNull())
    .addColumn("changes", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'accepted', 'rejected', 'withdrawn')`))
    .addColumn("author_id", "integer", (c) => c.notNull().references("users.id").onDelete("restrict"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("restrict"))
    .addColumn("decision_reason", "text")
    .addColumn("applied_version", "integer")
    .addCheckConstraint("proposals_one_target", oneTarget)
    .execute();
  await db.schema.createIndex("proposals_role_idx").on("proposals").columns(["role_id", "status"]).execute();
  await db.schema.createIndex("proposals_skill_idx").on("proposals").columns(["skill_id", "status"]).execute();
  await db.schema.createIndex("proposals_author_idx").on("proposals").column("author_id").execute();
  await db.schema.createIndex("proposals_status_idx").on("proposals").columns(["status", "created_at"]).execute();

  await db.schema
    .createTable("profile_versions")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("role_id", "integer", (c) => c.references("roles.id").onDelete("cascade"))
    .addColumn("skill_id", "integer", (c) => c.references("skills.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('library', 'create', 'edit', 'import', 'proposal')`))
    .addColumn("proposal_id", "integer", (c) => c.references("proposals.id").onDelete("set null"))
    .addColumn("made_by", "integer", (c) => c.references("users.id").onDelete("restrict"))
    .addColumn("made_at", "text", (c) => c.notNull())
    .addCheckConstraint("profile_versions_one_target", oneTarget)
    .execute();
  // One version number per profile, so two servers can never both write version n + 1.
  await db.schema.createIndex("profile_versions_role_idx").on("profile_versions").columns(["role_id", "version"]).unique().execute();
  await db.schema.createIndex("profile_versions_skill_idx").on("profile_versions").columns(["skill_id", "version"]).unique().execute();
  // An accepted proposal makes exactly one version.
  await db.schema.createIndex("profile_versions_proposal_idx").on("profile_versions").column("proposal_id").unique().execute();

  await db.schema
    .createTable("proposal_votes")
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposals.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("restrict"))
    .addColumn("value", "integer", (c) => c.notNull().check(sql`value in (-1, 1)`))
    .addColumn("voted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("proposal_votes_pk", ["proposal_id", "user_id"])
    .execute();

  await db.schema
    .createTable("proposal_comments")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposals.id").onDelete("cascade"))
    .addColumn("author_id", "integer", (c) => c.notNull().references("users.id").onDelete("restrict"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("edited_at", "text")
    .addColumn("removed_at", "text")
    .addColumn("removed_by", "integer", (c) => c.references("users.id").onDelete("restrict"))
    .execute();
  await db.schema.createIndex("proposal_comments_proposal_idx").on("proposal_comments").columns(["proposal_id", "id"]).execute();

  await db.schema
    .createTable("proposal_activity")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposals.id").onDelete("cascade"))
    .addColumn("role_id", "integer", (c) => c.references("roles.id").onDelete("cascade"))
    .addColumn("skill_id", "integer", (c) => c.references("skills.id").onDelete("cascade"))
    .addColumn("actor_id", "integer", (c) => c.notNull().references("users.id").onDelete("restrict"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('proposed', 'updated', 'commented', 'accepted', 'rejected', 'withdrawn')`),
    )
    .addColumn("comment_id", "integer", (c) => c.references("proposal_comments.id").onDelete("cascade"))
    .addColumn("reason", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .addCheckConstraint("proposal_activity_one_target", oneTarget)
    .execute();
  await db.schema.createIndex("proposal_activity_proposal_idx").on("proposal_activity").columns(["proposal_id", "id"]).execute();
  await db.schema.createIndex("proposal_activity_role_idx").on("proposal_activity").columns(["role_id", "id"]).execute();
  await db.schema.createIndex("proposal_activity_skill_idx").on("proposal_activity").columns(["skill_id", "id"]).execute();

  await db.schema
    .createTable("profile_follows")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role_id", "integer", (c) => c.references("roles.id").onDelete("cascade"))
    .addColumn("skill_id", "integer", (c) => c.references("skills.id").onDelete("cascade"))
    .addColumn("followed_at", "text", (c) => c.notNull())
    .addCheckConstraint("profile_follows_one_target", oneTarget)
    .execute();
  await db.schema.createIndex("profile_follows_role_idx").on("profile_follows").columns(["user_id", "role_id"]).unique().execute();
  await db.schema.createIndex("profile_follows_skill_idx").on("profile_follows").columns(["user_id", "skill_id"]).unique().execute();

  // The last activity a member has seen on /proposals: "since your last visit" and the menu's unread count start after it.
  await db.schema
    .createTable("proposal_feed_reads")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("last_seen_activity_id", "integer", (c) => c.notNull())
    .addColumn("seen_at", "text", (c) => c.notNull())
    .execute();
}

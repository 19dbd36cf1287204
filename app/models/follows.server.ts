import { sql, type Kysely } from "kysely";
import type { Database, ProposalActivityKind } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { targetColumn, targetColumns, type ProfileKind, type ProfileTarget } from "~/models/profile-versions.server";

/*
 * Following a role or skill profile (issue 22): a member is told, on
 * /proposals ("since your last visit") and by the menu's unread count, what
 * happened on what they follow since they started following it (new and
 * updated proposals, comments, decisions), and on their own proposals. What
 * they did themselves is not news to them. "Seen" is the last activity id of
 * their last visit to /proposals.
 */

export async function isFollowing(db: Kysely<Database>, userId: number, target: Pick<ProfileTarget, "kind" | "id">): Promise<boolean> {
  const row = await db
    .selectFrom("profile_follows")
    .select("user_id")
    .where("user_id", "=", userId)
    .where(targetColumn(target.kind), "=", target.id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Follows or unfollows; doing what is already so changes nothing. */
export async function setFollowing(
  db: Kysely<Database>,
  args: { userId: number; target: Pick<ProfileTarget, "kind" | "id">; follow: boolean },
  now: Date,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (!args.follow) {
      await trx
        .deleteFrom("profile_follows")
        .where("user_id", "=", args.userId)
        .where(targetColumn(args.target.kind), "=", args.target.id)
        .execute();
      return;
    }
    if (await isFollowing(trx, args.userId, args.target)) return;
    await trx
      .insertInto("profile_follows")
      .values({ user_id: args.userId, ...targetColumns(args.target), followed_at: now.toISOString() })
      .execute();
  });
}

/** The profiles a member follows, by name. */
export async function followedProfiles(db: Kysely<Database>, userId: number): Promise<{ kind: ProfileKind; slug: string; name: string }[]> {
  const rows = await db
    .selectFrom("profile_follows")
    .leftJoin("roles", "roles.id", "profile_follows.role_id")
    .leftJoin("skills", "skills.id", "profile_follows.skill_id")
    .select(["roles.slug as role_slug", "roles.name as role_name", "skills.slug as skill_slug", "skills.name as skill_name"])
    .where("profile_follows.user_id", "=", userId)
    .execute();
  return rows
    .map((row) =>
      row.role_slug !== null
        ? { kind: "role" as const, slug: row.role_slug, name: row.role_name ?? row.role_slug }
        : { kind: "skill" as const, slug: row.skill_slug ?? "", name: row.skill_name ?? "" },
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function lastSeenActivity(db: Kysely<Database>, userId: number): Promise<number> {
  const row = await db.selectFrom("proposal_feed_reads").select("last_seen_activity_id").where("user_id", "=", userId).executeTakeFirst();
  return row?.last_seen_activity_id ?? 0;
}

/** Activity that is news to the member: on what they follow (since they followed it) or on their proposals, by someone else. */
function newsQuery(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom("proposal_activity as activity")
    .where((eb) =>
      eb(
        "activity.id",
        ">",
        eb.fn.coalesce(
          eb.selectFrom("proposal_feed_reads").select("last_seen_activity_id").where("proposal_feed_reads.user_id", "=", userId),
          eb.lit(0),
        ),
      ),
    )
    .where("activity.actor_id", "!=", userId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("profile_follows as follow")
            .select("follow.user_id")
            .where("follow.user_id", "=", userId)
            .where((inner) =>
              inner.or([
                inner("follow.role_id", "=", inner.ref("activity.role_id")),
                inner("follow.skill_id", "=", inner.ref("activity.skill_id")),
              ]),
            )
            .where("follow.followed_at", "<=", sql.ref<string>("activity.at")),
        ),
        eb.exists(
          eb
            .selectFrom("proposals as own")
            .select("own.id")
            .whereRef("own.id", "=", "activity.proposal_id")
            .where("own.author_id", "=", userId),
        ),
      ]),
    );
}

/** The menu's count of news since the member's last visit to /proposals. */
export async function unreadActivityCount(db: Kysely<Database>, userId: number): Promise<number> {
  // One statement, the last visit read inside it: the menu asks on every page.
  const row = await newsQuery(db, userId)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type NewsItem = {
  id: number;
  kind: ProposalActivityKind;
  at: string;
  actorName: string;
  proposal: { id: number; title: string };
  target: { kind: ProfileKind; slug: string; name: string };
  /** For a comment: removed since it was written. */
  commentRemoved: boolean;
};

/** At most this many news items are listed since a last visit. */
export const NEWS_LIMIT = 50;

/**
 * What happened since the member's last visit, newest first, and marks it
 * seen: the next visit starts after it. One transaction, so an item that
 * lands meanwhile is kept for the next visit.
 */
export async function takeNewsSinceLastVisit(
  db: Kysely<Database>,
  userId: number,
  now: Date,
): Promise<{ items: NewsItem[]; total: number }> {
  return inTransaction(db, async (trx) => {
    const afterId = await lastSeenActivity(trx, userId);
    const rows = await newsQuery(trx, userId)
      .innerJoin("users", "users.id", "activity.actor_id")
      .innerJoin("proposals", "proposals.id", "activity.proposal_id")
      .leftJoin("roles", "roles.id", "activity.role_id")
      .leftJoin("skills", "skills.id", "activity.skill_id")
      .leftJoin("proposal_comments", "proposal_comments.id", "activity.comment_id")
      .select([
        "activity.id",
        "activity.kind",
        "activity.at",
        "users.name as actor_name",
        "proposals.id as proposal_id",
        "proposals.title",
        "roles.slug as role_slug",
        "roles.name as role_name",
        "skills.slug as skill_slug",
        "skills.name as skill_name",
        "proposal_comments.removed_at",
      ])
      .orderBy("activity.id", "desc")
      .execute();
    const newest =
      (
        await trx
          .selectFrom("proposal_activity")
          .select((eb) => eb.fn.max("id").as("id"))
          .executeTakeFirst()
      )?.id ?? 0;
    if (Number(newest) > afterId) {
      await trx
        .insertInto("proposal_feed_reads")
        .values({ user_id: userId, last_seen_activity_id: Number(newest), seen_at: now.toISOString() })
        .onConflict((oc) => oc.column("user_id").doUpdateSet({ last_seen_activity_id: Number(newest), seen_at: now.toISOString() }))
        .execute();
    }
    const items = rows.slice(0, NEWS_LIMIT).map((row) => ({
      id: row.id,
      kind: row.kind,
      at: row.at,
      actorName: row.actor_name,
      proposal: { id: row.proposal_id, title: row.title },
      target:
        row.role_slug !== null
          ? { kind: "role" as const, slug: row.role_slug, name: row.role_name ?? row.role_slug }
          : { kind: "skill" as const, slug: row.skill_slug ?? "", name: row.skill_name ?? "" },
      commentRemoved: row.removed_at !== null,
    }));
    return { items, total: rows.length };
  });
}

import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";

type Executor = Kysely<Database> | Transaction<Database>;

/** What the audit log records; ids and enums only, never personal data. */
export type AuditAction =
  | "user.sign_in"
  | "user.sign_out"
  | "user.invite"
  | "user.invite_accept"
  | "user.invite_cancel"
  | "user.role_change"
  | "user.deactivate"
  | "user.reactivate"
  | "user.create"
  | "user.account_update"
  | "user.password_change"
  | "role.create"
  | "role.update"
  | "role.import"
  | "role.export"
  | "role.library_add"
  | "role.archive"
  | "role.restore"
  | "role.delete"
  | "skill.update"
  | "proposal.create"
  | "proposal.update"
  | "proposal.accept"
  | "proposal.reject"
  | "proposal.withdraw"
  | "proposal.comment_remove"
  | "proposal.export"
  | "kit.create"
  | "kit.update"
  | "kit.version"
  | "kit.archive"
  | "kit.restore"
  | "kit.delete"
  | "candidate.create"
  | "candidate.update"
  | "candidate.export"
  | "candidate.erase"
  | "assessment.create"
  | "assessment.interviewer_add"
  | "assessment.interviewer_remove"
  | "assessment.schedule"
  | "scorecard.save"
  | "scorecard.submit"
  | "scorecard.reopen"
  | "decision.record"
  | "debrief.agree"
  | "ranking.export"
  | "calibration.export"
  | "report.publish"
  | "report.revoke"
  | "questionnaire.send"
  | "questionnaire.revoke"
  | "questionnaire.start"
  | "questionnaire.complete"
  | "mail.retry"
  | "settings.update";

export type AuditEntry = {
  actorUserId: number | null;
  action: AuditAction;
  entityType:
    | "user"
    | "invite"
    | "role"
    | "skill"
    | "proposal"
    | "kit"
    | "candidate"
    | "assessment"
    | "scorecard"
    | "decision"
    | "report"
    | "questionnaire"
    | "mail"
    | "settings"
    /** The calibration as a whole: an export names no one record (entityId null). */
    | "calibration";
  entityId: number | string | null;
  details?: Record<string, string | number | boolean | null>;
};

/** Written inside the caller's transaction, so the log and the change land together. */
export async function recordAudit(db: Executor, entry: AuditEntry, now: Date): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: now.toISOString(),
      actor_user_id: entry.actorUserId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}

export type AuditRow = {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: string | null;
};

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, keyset-paginated by id so deep pages stay fast. */
export async function listAudit(db: Kysely<Database>, options: { beforeId?: number }): Promise<AuditRow[]> {
  let q = db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_user_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.actor_user_id",
      "users.name as actor_name",
      "audit_log.action",
      "audit_log.entity_type",
      "audit_log.entity_id",
      "audit_log.details",
    ])
    .orderBy("audit_log.id", "desc")
    .limit(AUDIT_PAGE_SIZE);
  if (options.beforeId !== undefined) q = q.where("audit_log.id", "<", options.beforeId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    details: r.details,
  }));
}

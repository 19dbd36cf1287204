import { randomUUID } from "node:crypto";
import type { TraitkitDb } from "~db/connection";
import { createAssessment } from "../../../app/models/assessments.server";

/**
 * A new candidate (inserted directly, named `<label> <random>`) and an
 * assessment of them on a kit version with these interviewers, made by the
 * model as the recruiter makes one.
 */
export async function newPanelAssessment(
  db: TraitkitDb,
  args: {
    label: string;
    kitVersionId: number;
    interviewerIds: number[];
    recruiterId: number;
    email?: string | null;
    roleId?: number | null;
    source?: string | null;
  },
): Promise<{ id: number; candidateId: number }> {
  const at = new Date().toISOString();
  const candidate = await db
    .insertInto("candidates")
    .values({
      name: `${args.label} ${randomUUID().slice(0, 8)}`,
      email: args.email ?? null,
      role_id: args.roleId ?? null,
      source: args.source ?? null,
      notes: null,
      created_by: args.recruiterId,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const created = await createAssessment(
    db,
    {
      candidateId: candidate.id,
      kitVersionId: args.kitVersionId,
      interviewerIds: args.interviewerIds,
      actorId: args.recruiterId,
      schedule: null,
      mail: null,
    },
    new Date(),
  );
  if (!created.ok) throw new Error(`createAssessment refused: ${JSON.stringify(created.errors)}`);
  return { id: created.id, candidateId: candidate.id };
}

/** The id of an interviewer's scorecard on an assessment (there is at most one). */
export async function scorecardIdOf(db: TraitkitDb, assessmentId: number, interviewerId: number): Promise<number> {
  return (
    await db
      .selectFrom("scorecards")
      .select("id")
      .where("assessment_id", "=", assessmentId)
      .where("interviewer_id", "=", interviewerId)
      .executeTakeFirstOrThrow()
  ).id;
}

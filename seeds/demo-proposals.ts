import type { Transaction } from "kysely";
import type { Database } from "~db/schema";
import type { ConflictChoice } from "../app/domain/profile-diff";
import type { VoteValue } from "../app/domain/proposals";
import { setFollowing } from "../app/models/follows.server";
import { findProfileTarget, readSkillProfileDocument } from "../app/models/profile-versions.server";
import { readRoleFile } from "../app/models/role-export.server";
import {
  acceptProposal,
  addComment,
  createProposal,
  rejectProposal,
  voteOnProposal,
  type ProposedContent,
} from "../app/models/proposals.server";
import type { RoleContent } from "../app/schemas/role";
import type { DemoContext, DemoStep } from "./demo";

/*
 * The demo's change proposals (issue 22), written through the model functions
 * as members would have made them over the last five weeks: on MLOps Engineer
 * one accepted (so the role's history has two versions), one rejected, and two
 * open (a band, with comments and votes; a new question); on MLflow one open
 * (a level's expectation made mandatory). Ian follows MLOps Engineer, so his
 * "since your last visit" has news. It runs before the demo kits are built, as
 * they were in the story: from the role as the accepted proposal left it.
 * The band proposal is the recruiter's: an interviewer sees a role's bands
 * only once their scorecards on it are in (blind scoring), and no demo
 * interviewer's MLOps scorecards all are; its rationale and comments name no
 * numbers for the same reason.
 */

export const DEMO_PROPOSALS = {
  role: "mlops-engineer",
  skill: "mlflow",
  accepted: "Name the monitoring a model in production lacks",
  rejected: "Add a red flag for rollbacks no one can explain",
  band: "Lower the top of the Openness band for MLOps Engineer",
  question: "Ask how a six-month-old training run is reproduced",
  skillLevel: "Make MLflow tracking server setup mandatory at Mid level",
} as const;

type DemoMember = "recruiter" | "interviewer1" | "interviewer2" | "interviewer3";

function memberId(context: DemoContext, member: DemoMember): number {
  const id = context.userIds.get(`${member}@demo.traitkit.test`);
  if (id === undefined) throw new Error(`The demo account ${member} is missing`);
  return id;
}

/** A moment `days` (and `hours`) before the load, so the story reads in order. */
function before(context: DemoContext, days: number, hours = 0): Date {
  return new Date(Date.parse(context.now) - (days * 24 + hours) * 3_600_000);
}

async function roleContent(trx: Transaction<Database>, slug: string): Promise<RoleContent> {
  const file = await readRoleFile(trx, slug);
  if (!file) throw new Error(`The demo role ${slug} is missing`);
  const { format: _format, sourceNote: _sourceNote, skillsMatrix: _skillsMatrix, ...content } = file;
  return content;
}

async function propose(
  trx: Transaction<Database>,
  context: DemoContext,
  args: { kind: "role" | "skill"; slug: string; author: DemoMember; title: string; rationale: string; proposed: ProposedContent },
  at: Date,
): Promise<number> {
  const created = await createProposal(
    trx,
    {
      kind: args.kind,
      slug: args.slug,
      authorId: memberId(context, args.author),
      title: args.title,
      rationale: args.rationale,
      proposed: args.proposed,
    },
    at,
  );
  if (created.status !== "created") throw new Error(`The demo proposal "${args.title}" was not created: ${created.status}`);
  return created.id;
}

async function comment(trx: Transaction<Database>, context: DemoContext, id: number, author: DemoMember, body: string, at: Date) {
  const result = await addComment(trx, { id, userId: memberId(context, author), body }, at);
  if (result !== "saved") throw new Error(`A demo comment on proposal ${id} was not saved: ${result}`);
}

async function vote(trx: Transaction<Database>, context: DemoContext, id: number, voter: DemoMember, value: VoteValue, at: Date) {
  const result = await voteOnProposal(trx, { id, userId: memberId(context, voter), value }, at);
  if (result !== "voted") throw new Error(`A demo vote on proposal ${id} was not taken: ${result}`);
}

async function acceptedRedFlag(trx: Transaction<Database>, context: DemoContext): Promise<void> {
  const content = await roleContent(trx, DEMO_PROPOSALS.role);
  const id = await propose(
    trx,
    context,
    {
      kind: "role",
      slug: DEMO_PROPOSALS.role,
      author: "interviewer2",
      title: DEMO_PROPOSALS.accepted,
      rationale:
        "“Without performance degradation monitoring” is too vague to rate against: candidates say they had dashboards.\nThe red flag should name what is missing: drift and accuracy alerts that someone owns.",
      proposed: {
        kind: "role",
        content: {
          ...content,
          redFlags: content.redFlags.map((flag, index) =>
            index === 0
              ? {
                  ...flag,
                  en: "Models in production with no drift or accuracy alert that someone owns",
                  es: "Modelos en producción sin alertas de drift ni de precisión con un responsable",
                }
              : flag,
          ),
        },
      },
    },
    before(context, 33),
  );
  await vote(trx, context, id, "interviewer1", 1, before(context, 32));
  const choices: Record<string, ConflictChoice> = {};
  const accepted = await acceptProposal(
    trx,
    { id, reviewerId: memberId(context, "recruiter"), choices, reason: "Clearer to rate. Thanks, Inés." },
    before(context, 30),
  );
  if (accepted.status !== "accepted") throw new Error(`The demo's accepted proposal was not accepted: ${accepted.status}`);
}

async function rejectedRedFlag(trx: Transaction<Database>, context: DemoContext): Promise<void> {
  const content = await roleContent(trx, DEMO_PROPOSALS.role);
  const id = await propose(
    trx,
    context,
    {
      kind: "role",
      slug: DEMO_PROPOSALS.role,
      author: "interviewer3",
      title: DEMO_PROPOSALS.rejected,
      rationale:
        "On the LLM panels the candidates who could not explain a rollback to product were the ones we regretted.\nThe MLOps profile should say so.",
      proposed: {
        kind: "role",
        content: { ...content, redFlags: [...content.redFlags, { en: "Cannot explain to product why a model was rolled back" }] },
      },
    },
    before(context, 24),
  );
  await vote(trx, context, id, "interviewer2", -1, before(context, 23));
  const rejected = await rejectProposal(
    trx,
    {
      id,
      reviewerId: memberId(context, "recruiter"),
      reason:
        "The existing red flags already cover a rollout no one can account for, and Relational engagement weighs how it is explained.",
    },
    before(context, 21),
  );
  if (rejected !== "done") throw new Error(`The demo's rejected proposal was not rejected: ${rejected}`);
}

async function openBand(trx: Transaction<Database>, context: DemoContext): Promise<void> {
  const content = await roleContent(trx, DEMO_PROPOSALS.role);
  if (content.idealProfile === null) throw new Error(`The demo role ${DEMO_PROPOSALS.role} has no ideal profile`);
  const id = await propose(
    trx,
    context,
    {
      kind: "role",
      slug: DEMO_PROPOSALS.role,
      author: "recruiter",
      title: DEMO_PROPOSALS.band,
      rationale:
        "Our last three MLOps hires with the highest Openness kept swapping tools in the serving stack; the steadier ones run it well.\nA lower, slightly wider band describes the people who do well here.",
      proposed: {
        kind: "role",
        content: {
          ...content,
          idealProfile: { ...content.idealProfile, openness: { ...content.idealProfile.openness, low: 60, high: 75 } },
        },
      },
    },
    before(context, 12),
  );
  await comment(
    trx,
    context,
    id,
    "interviewer2",
    "Agreed on the top. I would keep the bottom where it is: the team still has to pick up new tooling every year.",
    before(context, 11, 20),
  );
  await comment(
    trx,
    context,
    id,
    "interviewer3",
    "Three hires is a small sample. Could we look at the calibration page for Openness before we change it?",
    before(context, 10, 18),
  );
  await vote(trx, context, id, "interviewer2", 1, before(context, 11, 19));
  await vote(trx, context, id, "interviewer1", 1, before(context, 10, 2));
  await vote(trx, context, id, "interviewer3", -1, before(context, 10, 17));
}

async function openQuestion(trx: Transaction<Database>, context: DemoContext): Promise<void> {
  const content = await roleContent(trx, DEMO_PROPOSALS.role);
  await propose(
    trx,
    context,
    {
      kind: "role",
      slug: DEMO_PROPOSALS.role,
      author: "interviewer2",
      title: DEMO_PROPOSALS.question,
      rationale:
        "Reproducible pipelines are the first strength of the role and a red flag, yet no question asks about them.\nThis one does, with anchors we can rate against.",
      proposed: {
        kind: "role",
        content: {
          ...content,
          questions: [
            ...content.questions,
            {
              text: {
                en: "A model trained six months ago must be retrained exactly as it was. How would you do it, and what would you need?",
              },
              evaluatesNote: { en: "in reproducibility and data versioning" },
              traits: ["conscientiousness", "openness"],
              anchors: {
                conscientiousness: {
                  "1": { en: "Would rerun the current code on today's data; does not see why that differs." },
                  "3": { en: "Names the code commit and the parameters; unsure how the data of that day is recovered." },
                  "5": { en: "Pins code, data snapshot, environment and random seeds, and checks the result against the logged metrics." },
                },
                openness: {
                  "1": { en: "Knows one way and defends it; no interest in how others solve it." },
                  "3": { en: "Mentions a tool such as DVC or MLflow, without weighing it against another." },
                  "5": {
                    en: "Compares approaches (data versioning, feature store snapshots, lakehouse time travel) and says when each fits.",
                  },
                },
              },
            },
          ],
        },
      },
    },
    before(context, 6),
  );
}

async function openSkillLevel(trx: Transaction<Database>, context: DemoContext): Promise<void> {
  const profile = await readSkillProfileDocument(trx, DEMO_PROPOSALS.skill);
  if (!profile) throw new Error(`The demo skill ${DEMO_PROPOSALS.skill} is missing`);
  await propose(
    trx,
    context,
    {
      kind: "skill",
      slug: DEMO_PROPOSALS.skill,
      author: "interviewer1",
      title: DEMO_PROPOSALS.skillLevel,
      rationale:
        "Every Mid MLOps engineer we hired this year set up a tracking server in their first month.\nIt is part of the job at that level, not a plus.",
      proposed: {
        kind: "skill",
        expectations: profile.expectations.map((expectation) =>
          expectation.role === DEMO_PROPOSALS.role && expectation.level === "mid" ? { ...expectation, mandatory: true } : expectation,
        ),
      },
    },
    before(context, 4),
  );
}

export const demoProposalsStep: DemoStep = {
  name: "demo change proposals",
  run: async (trx, context) => {
    const role = await findProfileTarget(trx, "role", DEMO_PROPOSALS.role);
    if (!role) throw new Error(`The demo role ${DEMO_PROPOSALS.role} is missing`);
    // The library was loaded at `now`; the role's first version is dated by its last save, so the story's start dates it before the proposals.
    await trx
      .updateTable("roles")
      .set({ updated_at: before(context, 35).toISOString() })
      .where("id", "=", role.id)
      .execute();
    await setFollowing(trx, { userId: memberId(context, "interviewer1"), target: role, follow: true }, before(context, 34));
    await acceptedRedFlag(trx, context);
    await rejectedRedFlag(trx, context);
    await openBand(trx, context);
    await openQuestion(trx, context);
    await openSkillLevel(trx, context);
  },
};

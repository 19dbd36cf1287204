import type { Transaction } from "kysely";
import type { Database } from "~db/schema";
import type { Level } from "../app/domain/levels";
import type { TraitKey } from "../app/domain/traits";
import { createKit } from "../app/models/kits.server";
import { getKitBuilderSource, newKitFormValues } from "../app/models/kit-builder.server";
import { kitFormSchema, type KitQuestionValues } from "../app/schemas/kit";
import type { DemoContext, DemoStep } from "./demo";

/*
 * The demo's interview kits, built through the builder's own path: the form
 * values a recruiter starts from, the form's schema, then createKit. So the
 * demo kits are exactly what the app would have saved.
 */

type DemoKitSpec = {
  name: string;
  role: string;
  level: Level;
  author: string;
  /** How many of the role's strengths and red flags (the first ones) the panel probes. */
  strengths: number;
  redFlags: number;
  /** Questions the recruiter wrote, asked after the role's: each trait it evaluates with its anchors for ratings 1, 3 and 5. */
  custom?: readonly { text: string; anchors: Partial<Record<TraitKey, Record<"1" | "3" | "5", string>>> }[];
};

export const DEMO_KIT = {
  name: "MLOps Engineer — Senior panel",
  role: "mlops-engineer",
  level: "senior",
  author: "recruiter@demo.traitkit.test",
  strengths: 2,
  redFlags: 2,
} as const satisfies DemoKitSpec;

/**
 * The kit of the demo's calibration panels (issue 21, seeds/demo-calibration.ts).
 * The library has no questions for LLM Engineer, so the recruiter wrote four,
 * between them on every trait (Extraversion too, which the MLOps kit does not
 * ask about): each trait is rated on enough panels to have a reliability.
 */
export const DEMO_PANEL_KIT = {
  name: "LLM Engineer — Mid-level panel",
  role: "llm-engineer",
  level: "mid",
  author: "recruiter@demo.traitkit.test",
  strengths: 0,
  redFlags: 0,
  custom: [
    {
      text: "Tell us about an evaluation of a language model whose result surprised you. What did you do next?",
      anchors: {
        openness: {
          "1": "Dismissed the result as noise; tried nothing new.",
          "3": "Looked for a cause and tried one other approach.",
          "5": "Framed new hypotheses and designed tests to tell them apart.",
        },
        conscientiousness: {
          "1": "No record of what was run or why.",
          "3": "Kept the runs reproducible and noted the settings.",
          "5": "Versioned data, prompts and code; wrote up what was learnt.",
        },
      },
    },
    {
      text: "Describe presenting a finding to stakeholders who did not want to hear it.",
      anchors: {
        extraversion: {
          "1": "Sent a written note only; avoided the meeting.",
          "3": "Presented when asked and answered questions clearly.",
          "5": "Called the meeting, led it and drew quiet people in.",
        },
        agreeableness: {
          "1": "Dismissed the stakeholders' concerns.",
          "3": "Listened and acknowledged the objections.",
          "5": "Worked the objections into a plan everyone backed.",
        },
      },
    },
    {
      text: "A model you shipped starts giving harmful answers on a Friday evening. Walk us through the next hours.",
      anchors: {
        emotional_stability: {
          "1": "Froze, or blamed others under pressure.",
          "3": "Stayed calm and followed the incident process.",
          "5": "Steadied the team and kept decisions clear throughout.",
        },
        conscientiousness: {
          "1": "Patched in production with no record.",
          "3": "Rolled back and wrote the incident report.",
          "5": "Rolled back, found the cause and added a guardrail test.",
        },
      },
    },
    {
      text: "How do you work with the product and safety teams who review what your models say?",
      anchors: {
        relational_engagement: {
          "1": "Sees review as a hurdle; no regular contact.",
          "3": "Meets them when a release needs it.",
          "5": "Built a standing review with them and acts on their input.",
        },
        agreeableness: {
          "1": "Argues every finding.",
          "3": "Accepts findings and fixes them.",
          "5": "Asks for the reviews early and credits the reviewers.",
        },
      },
    },
  ],
} as const satisfies DemoKitSpec;

async function createDemoKit(trx: Transaction<Database>, spec: DemoKitSpec, context: DemoContext): Promise<void> {
  const userId = context.userIds.get(spec.author);
  if (userId === undefined) throw new Error(`The demo account ${spec.author} is missing`);
  const source = await getKitBuilderSource(trx, spec.role, "en");
  if (!source) throw new Error(`The demo role ${spec.role} is missing`);
  const start = newKitFormValues(source, spec.level, "en");
  // Every role question is ticked by default: all are asked. The recruiter's own come after them.
  const custom = (spec.custom ?? []).map((question): KitQuestionValues => ({
    source: "custom",
    include: false,
    text: { en: question.text },
    traits: Object.keys(question.anchors),
    anchors: Object.fromEntries(
      Object.entries(question.anchors).map(([trait, anchors]) => [
        trait,
        Object.fromEntries(Object.entries(anchors).map(([rating, en]) => [rating, { en }])),
      ]),
    ),
  }));
  const values = {
    ...start,
    name: spec.name,
    questions: [...start.questions.filter((q) => q.source !== "custom"), ...custom],
    strengths: source.strengths.map((s, i) => (i < spec.strengths ? String(s.position) : false)),
    redFlags: source.redFlags.map((s, i) => (i < spec.redFlags ? String(s.position) : false)),
  };
  const draft = kitFormSchema.parse(values);
  const result = await createKit(trx, { roleSlug: spec.role, draft, userId }, new Date(context.now));
  if (!result?.ok) throw new Error(`The demo kit "${spec.name}" was refused: ${JSON.stringify(result)}`);
}

export const demoKitsStep: DemoStep = {
  name: "demo kits",
  run: async (trx, context) => {
    await createDemoKit(trx, DEMO_KIT, context);
    await createDemoKit(trx, DEMO_PANEL_KIT, context);
  },
};

import { createKit } from "../app/models/kits.server";
import { getKitBuilderSource, newKitFormValues } from "../app/models/kit-builder.server";
import { kitFormSchema } from "../app/schemas/kit";
import type { DemoStep } from "./demo";

/*
 * The demo's interview kit, built through the builder's own path: the form
 * values a recruiter starts from, the form's schema, then createKit. So the
 * demo kit is exactly what the app would have saved.
 */

export const DEMO_KIT = {
  name: "MLOps Engineer — Senior panel",
  role: "mlops-engineer",
  level: "senior",
  author: "recruiter@demo.traitkit.test",
  /** How many of the role's strengths and red flags (the first ones) the panel probes. */
  strengths: 2,
  redFlags: 2,
} as const;

export const demoKitsStep: DemoStep = {
  name: "demo kits",
  run: async (trx, context) => {
    const userId = context.userIds.get(DEMO_KIT.author);
    if (userId === undefined) throw new Error(`The demo account ${DEMO_KIT.author} is missing`);
    const source = await getKitBuilderSource(trx, DEMO_KIT.role, "en");
    if (!source) throw new Error(`The demo role ${DEMO_KIT.role} is missing`);
    const start = newKitFormValues(source, DEMO_KIT.level, "en");
    const values = {
      ...start,
      name: DEMO_KIT.name,
      // Every role question is ticked by default: all four are asked.
      strengths: source.strengths.map((s, i) => (i < DEMO_KIT.strengths ? String(s.position) : false)),
      redFlags: source.redFlags.map((s, i) => (i < DEMO_KIT.redFlags ? String(s.position) : false)),
    };
    const draft = kitFormSchema.parse(values);
    const result = await createKit(trx, { roleSlug: DEMO_KIT.role, draft, userId }, new Date(context.now));
    if (!result?.ok) throw new Error(`The demo kit was refused: ${JSON.stringify(result)}`);
  },
};

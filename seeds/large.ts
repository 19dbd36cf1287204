import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Kysely } from "kysely";
import { createDb } from "~db/connection";
import { migrateToLatest } from "~db/migrator";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { loadDemoData } from "./demo";
import { DEMO_PASSWORD } from "./demo-accounts";
import { DEMO_KIT } from "./demo-kits";
import { RECOMMENDATIONS, type Recommendation } from "~/domain/scoring";
import { createAssessment, recordDecision } from "~/models/assessments.server";
import { DECISIONS } from "~/domain/decisions";
import { loadScoringKit, saveScorecard } from "~/models/scorecards.server";
import type { ScoringKit } from "~/models/scorecards.server";
import { createCandidate } from "~/models/candidates.server";
import { publishReport } from "~/models/report.server";
import { createUser } from "~/models/users.server";
import { candidateSchema } from "~/schemas/candidate";
import { parseScorecardForm } from "~/schemas/scorecard";
import { hashPassword } from "~/utils/password.server";
import { mulberry32, pick } from "~/utils/seeded-random";

/*
 * A large, realistic database for benchmarks: the demo data, then N candidates
 * with assessments, scorecards, decisions and report links, all written
 * through the app's model functions in batches of transactions. Deterministic
 * for a given --seed (timestamps aside).
 */

const BATCH_SIZE = 500;
const EXTRA_INTERVIEWERS = 24;
const REPORT_LINKS = 10;
const RECRUITER = "recruiter@demo.traitkit.test";
const DEMO_INTERVIEWERS = ["interviewer1@demo.traitkit.test", "interviewer2@demo.traitkit.test"];
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export type SeedLargeOptions = { candidates: number; database: string; seed: number };

export type SeedLargeResult = {
  candidates: number;
  assessments: number;
  scorecards: number;
  decisions: number;
  reportLinks: number;
  seconds: number;
};

function sample<T>(random: () => number, items: readonly T[], count: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = copy[i];
    const b = copy[j];
    if (a === undefined || b === undefined) continue;
    copy[i] = b;
    copy[j] = a;
  }
  return copy.slice(0, count);
}

const FIRST_NAMES = [
  "Ada",
  "Grace",
  "Alan",
  "Katherine",
  "Edsger",
  "Barbara",
  "Frances",
  "Margaret",
  "Donald",
  "Radia",
  "Linus",
  "Ken",
  "Dennis",
  "Bjarne",
  "Guido",
  "Yukihiro",
  "Sophie",
  "Hedy",
  "Annie",
  "Mary",
  "John",
  "Leslie",
  "Tim",
  "Vint",
  "Shafi",
  "Jean",
  "Karen",
  "Niklaus",
  "Tony",
  "Fran",
];
const LAST_NAMES = [
  "Lovelace",
  "Hopper",
  "Turing",
  "Johnson",
  "Dijkstra",
  "Liskov",
  "Allen",
  "Hamilton",
  "Knuth",
  "Perlman",
  "Torvalds",
  "Thompson",
  "Ritchie",
  "Stroustrup",
  "Rossum",
  "Matsumoto",
  "Wilson",
  "Lamarr",
  "Easley",
  "Keller",
  "Backus",
  "Lamport",
  "Berners-Lee",
  "Cerf",
  "Goldwasser",
  "Sammet",
  "Jones",
  "Wirth",
  "Hoare",
  "Bilas",
];
const SOURCES = ["referral", "job board", "LinkedIn", "agency", "careers page"];
const NOTES = [
  "Described a rollback of a bad model release step by step.",
  "Vague on monitoring; could not name a metric they alert on.",
  "Clear trade-off reasoning between latency and accuracy.",
  "Has run on-call for an ML platform for two years.",
  "Good questions about the team's release process.",
];
const DECISION_REASONS = {
  advance: "Inside the band on most traits; clear evidence.",
  hold: "Calibrate the panel's disagreement first.",
  reject: "Below the band on several traits.",
} as const;

async function userIdByEmail(db: Kysely<Database>, email: string): Promise<number> {
  const row = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return row.id;
}

async function demoKit(db: Kysely<Database>): Promise<ScoringKit> {
  const version = await db
    .selectFrom("kit_versions")
    .select("id")
    .where("name", "=", DEMO_KIT.name)
    .orderBy("version", "desc")
    .executeTakeFirst();
  if (!version) throw new Error(`The demo kit "${DEMO_KIT.name}" is missing`);
  const kit = await loadScoringKit(db, version.id);
  if (!kit) throw new Error(`The demo kit version ${version.id} cannot be loaded`);
  return kit;
}

/** One interviewer's scorecard as the form posts it, pseudo-random around a candidate's "true" level. */
function scorecardFields(random: () => number, kit: ScoringKit, level: number, submit: boolean): [string, string][] {
  const fields: [string, string][] = [["intent", submit ? "submit" : "save"]];
  for (const question of kit.questions) {
    for (const trait of question.traits) {
      // Drafts are partial; a submitted card leaves a trait unrated now and then.
      if (random() < (submit ? 0.08 : 0.5)) continue;
      const rating = Math.min(5, Math.max(1, Math.round(level + (random() - 0.5) * 2.4)));
      fields.push([`rating.${question.id}.${trait}`, String(rating)]);
    }
    if (random() < 0.3) fields.push([`notes.${question.id}`, pick(random, NOTES)]);
  }
  kit.strengths.forEach((_, index) => {
    if (random() < 0.25) fields.push([`strength.${index}`, "on"]);
  });
  kit.redFlags.forEach((_, index) => {
    if (random() < 0.05)
      fields.push([`redFlag.${index}`, "on"], [`redFlagEvidence.${index}`, "Could not describe how the last incident was detected."]);
  });
  if (submit || random() < 0.5) {
    const recommendation: Recommendation =
      RECOMMENDATIONS[Math.min(3, Math.max(0, Math.round((level - 1) * 0.75 + (random() - 0.5))))] ?? "yes";
    fields.push(["recommendation", recommendation]);
  }
  return fields;
}

export async function seedLarge(options: SeedLargeOptions, log: (line: string) => void = console.log): Promise<SeedLargeResult> {
  const file = path.resolve(options.database);
  if (fs.existsSync(file) && fs.statSync(file).size > 0) throw new Error(`Refusing to seed ${file}: it exists and is not empty`);
  const started = performance.now();
  const { db, sqlite } = createDb(file);
  // The file is new, and useless if seeding stops half-way: it needs no fsync per batch. SQLite's default cache (2 MB)
  // would make each insert into 100,000 candidates' indexes read its pages back from the operating system.
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  try {
    const counts = await seedLargeInto(db, options, log);
    return { ...counts, seconds: (performance.now() - started) / 1000 };
  } finally {
    await db.destroy();
  }
}

/**
 * The same data set written into an open, empty database of either kind (the
 * bench seeds PostgreSQL with it): migrated, the demo, then the candidates.
 */
export async function seedLargeInto(
  db: Kysely<Database>,
  options: Pick<SeedLargeOptions, "candidates" | "seed">,
  log: (line: string) => void = console.log,
): Promise<Omit<SeedLargeResult, "seconds">> {
  const started = performance.now();
  const random = mulberry32(options.seed);
  const result: Omit<SeedLargeResult, "seconds"> = { candidates: 0, assessments: 0, scorecards: 0, decisions: 0, reportLinks: 0 };
  await migrateToLatest(db);
  const now = new Date();
  const demo = await loadDemoData(db, now);
  if (!demo.loaded) throw new Error("The demo data was not loaded: the database is not empty");
  log(`Demo data loaded (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  const kit = await demoKit(db);
  const recruiterId = await userIdByEmail(db, RECRUITER);
  const interviewerIds: number[] = [];
  for (const email of DEMO_INTERVIEWERS) interviewerIds.push(await userIdByEmail(db, email));
  // One hash for every extra account: argon2 is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Like the demo loader, the generator composes model functions into units of its own: each batch is one
  // transaction because one commit per row would take minutes; the model functions join it.
  await inTransaction(db, async (trx) => {
    for (let i = 1; i <= EXTRA_INTERVIEWERS; i++) {
      const email = `interviewer${i + 2}@bench.traitkit.test`;
      interviewerIds.push(
        await createUser(
          trx,
          { email, name: `${pick(random, FIRST_NAMES)} Interviewer ${i + 2} (bench)`, role: "interviewer", passwordHash },
          now,
        ),
      );
    }
  });

  const roles = await db.selectFrom("roles").select("slug").orderBy("id").execute();
  const otherRoles = roles.map((r) => r.slug).filter((slug) => slug !== kit.roleSlug);
  const submittedAssessments: number[] = [];

  for (let batchStart = 0; batchStart < options.candidates; batchStart += BATCH_SIZE) {
    const batchEnd = Math.min(options.candidates, batchStart + BATCH_SIZE);
    await inTransaction(db, async (trx) => {
      for (let n = batchStart; n < batchEnd; n++) {
        // Most candidates apply for the role with a kit; the others spread over the library's roles.
        const withKit = otherRoles.length === 0 || random() < 0.85;
        const roleSlug = withKit ? kit.roleSlug : pick(random, otherRoles);
        const name = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}-${n + 1}`;
        const addedAt = new Date(now.getTime() - Math.floor(random() * 365 * DAY_MS));
        const after = (hours: number) => new Date(addedAt.getTime() + hours * HOUR_MS);
        const input = candidateSchema.parse({
          name,
          email: random() < 0.9 ? `candidate${n + 1}@example.com` : "",
          roleSlug,
          source: pick(random, SOURCES),
          notes: random() < 0.3 ? pick(random, NOTES) : "",
        });
        const candidate = await createCandidate(trx, input, recruiterId, addedAt);
        if (!candidate.ok) throw new Error(`Candidate ${name} was refused (${candidate.field})`);
        result.candidates++;
        if (!withKit || random() < 0.1) continue;

        const panel = sample(random, interviewerIds, 2 + Math.floor(random() * 3));
        const assessment = await createAssessment(
          trx,
          {
            candidateId: candidate.id,
            kitVersionId: kit.kitVersionId,
            interviewerIds: panel,
            actorId: recruiterId,
            schedule: null,
            mail: null,
          },
          after(1),
        );
        if (!assessment.ok) throw new Error(`Assessment of ${name} was refused: ${JSON.stringify(assessment.errors)}`);
        result.assessments++;

        const level = 1 + random() * 4;
        let submitted = 0;
        for (const [index, interviewerId] of panel.entries()) {
          const roll = random();
          if (roll < 0.2) continue; // not started
          const submit = roll >= 0.35;
          const parsed = parseScorecardForm(scorecardFields(random, kit, level, submit));
          if (!parsed.ok) throw new Error(`Scorecard of ${name} is not valid: ${JSON.stringify(parsed.errors)}`);
          const saved = await saveScorecard(
            trx,
            { assessmentId: assessment.id, interviewerId, input: parsed.data, kit, mail: null },
            after(24 + index),
          );
          if (saved.status !== "saved") throw new Error(`Scorecard of ${name} was not saved`);
          result.scorecards++;
          if (submit) submitted++;
        }
        if (submitted > 0) {
          submittedAssessments.push(assessment.id);
          if (random() < 0.35) {
            const decision = pick(random, DECISIONS);
            await recordDecision(
              trx,
              { assessmentId: assessment.id, decision, reason: DECISION_REASONS[decision], actorId: recruiterId },
              after(48),
            );
            result.decisions++;
          }
        }
      }
    });
    log(`  ${batchEnd} / ${options.candidates} candidates (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }

  await inTransaction(db, async (trx) => {
    for (const assessmentId of sample(random, submittedAssessments, REPORT_LINKS)) {
      await publishReport(
        trx,
        {
          assessmentId,
          language: random() < 0.7 ? "en" : "es",
          expiresAt: random() < 0.5 ? null : new Date(now.getTime() + 30 * DAY_MS),
          actorId: recruiterId,
        },
        now,
      );
      result.reportLinks++;
    }
  });
  return result;
}

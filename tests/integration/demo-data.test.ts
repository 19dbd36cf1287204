import { DEMO_ACCOUNTS } from "../../seeds/demo-accounts";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TraitkitDb } from "~db/connection";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { migrateToLatest } from "~db/migrator";
import type { Database } from "~db/schema";
import { defaultCalibrationPeriod, periodInstants } from "../../app/domain/calibration";
import { selfReportDifference, selfReportTraitScores } from "../../app/domain/self-report";
import { TRAIT_KEYS } from "../../app/domain/traits";
import { calibrationPage } from "../../app/models/calibration.server";
import { questionnaireForAssessment } from "../../app/models/questionnaires.server";
import { parseLocalized } from "../../app/schemas/localized";
import { roleFileSchema, type RoleFile } from "../../app/schemas/role";
import { skillFileSchema, type SkillFile } from "../../app/schemas/skill";
import { loadDemoData, SeedValidationError, validateDemoFiles } from "../../seeds/demo";
import { ROLE_FILES, SKILL_FILES } from "../../seeds/manifest";

const NOW = new Date("2026-04-01T09:00:00.000Z");
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const TABLES = [
  "roles",
  "role_traits",
  "role_strengths",
  "role_red_flags",
  "questions",
  "question_traits",
  "question_anchors",
  "transitions",
  "transition_strengths",
  "transition_deltas",
  "similar_roles",
  "archetypes",
  "skill_domains",
  "skills",
  "role_skill_cells",
  "role_level_focus",
  "role_technologies",
  "skill_expectations",
  "users",
] as const satisfies readonly (keyof Database)[];

type Table = (typeof TABLES)[number];

async function tableCounts(db: TraitkitDb): Promise<Record<Table, number>> {
  const counts: Partial<Record<Table, number>> = {};
  for (const table of TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return {
    roles: counts.roles ?? -1,
    role_traits: counts.role_traits ?? -1,
    role_strengths: counts.role_strengths ?? -1,
    role_red_flags: counts.role_red_flags ?? -1,
    questions: counts.questions ?? -1,
    question_traits: counts.question_traits ?? -1,
    question_anchors: counts.question_anchors ?? -1,
    transitions: counts.transitions ?? -1,
    transition_strengths: counts.transition_strengths ?? -1,
    transition_deltas: counts.transition_deltas ?? -1,
    similar_roles: counts.similar_roles ?? -1,
    archetypes: counts.archetypes ?? -1,
    skill_domains: counts.skill_domains ?? -1,
    skills: counts.skills ?? -1,
    role_skill_cells: counts.role_skill_cells ?? -1,
    role_level_focus: counts.role_level_focus ?? -1,
    role_technologies: counts.role_technologies ?? -1,
    skill_expectations: counts.skill_expectations ?? -1,
    users: counts.users ?? -1,
  };
}

const roles: RoleFile[] = ROLE_FILES.map((file) => roleFileSchema.parse(file.data));
const skills: SkillFile[] = SKILL_FILES.map((file) => skillFileSchema.parse(file.data));

const sum = <T>(items: readonly T[], count: (item: T) => number): number => items.reduce((total, item) => total + count(item), 0);

const matrixSkills = roles.flatMap((role) => role.skillsMatrix?.groups.flatMap((group) => group.skills) ?? []);

/** Every table's row count, computed from the data files. */
const expected: Record<Table, number> = {
  roles: roles.length,
  role_traits: sum(roles, (role) => (role.idealProfile === null ? 0 : 6)),
  role_strengths: sum(roles, (role) => role.strengths.length),
  role_red_flags: sum(roles, (role) => role.redFlags.length),
  questions: sum(roles, (role) => role.questions.length),
  question_traits: sum(roles, (role) => sum(role.questions, (question) => question.traits.length)),
  question_anchors: sum(roles, (role) => sum(role.questions, (question) => question.traits.length * 3)),
  transitions: sum(roles, (role) => role.transitions.length),
  transition_strengths: sum(roles, (role) => sum(role.transitions, (transition) => transition.strengths.length)),
  transition_deltas: sum(roles, (role) => sum(role.transitions, (transition) => Object.keys(transition.deltas).length)),
  similar_roles: sum(roles, (role) => role.similarRoles.length),
  archetypes: sum(roles, (role) => role.archetypes.length),
  skill_domains: new Set([
    ...roles.flatMap((role) => role.skillsMatrix?.groups.map((group) => group.name) ?? []),
    ...skills.map((skill) => skill.domain),
  ]).size,
  skills: new Set([...matrixSkills.map((skill) => skill.slug), ...skills.map((skill) => skill.slug)]).size,
  role_skill_cells: matrixSkills.length * 5,
  role_level_focus: sum(roles, (role) => Object.keys(role.skillsMatrix?.levelFocus ?? {}).length),
  role_technologies: sum(roles, (role) => role.skillsMatrix?.technologies.length ?? 0),
  skill_expectations: sum(skills, (skill) => skill.expectations.length),
  users: DEMO_ACCOUNTS.length,
};

async function roleId(db: TraitkitDb, slug: string): Promise<number> {
  const row = await db.selectFrom("roles").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
  return row.id;
}

describe("demo data files", () => {
  it.each(ROLE_FILES.map((file) => [file.file, file.data] as const))("%s is a valid role file", (_file, data) => {
    const parsed = roleFileSchema.safeParse(data);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it.each(SKILL_FILES.map((file) => [file.file, file.data] as const))("%s is a valid skill file", (_file, data) => {
    const parsed = skillFileSchema.safeParse(data);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it("lists every file of seeds/roles and seeds/skills in the manifest, pretty-printed", () => {
    const onDisk = ["roles", "skills"].flatMap((folder) =>
      fs
        .readdirSync(path.join(REPO, "seeds", folder))
        .filter((name) => name.endsWith(".json"))
        .map((name) => `seeds/${folder}/${name}`),
    );
    const listed = [...ROLE_FILES, ...SKILL_FILES].map((file) => file.file);
    expect([...listed].sort()).toEqual([...onDisk].sort());
    for (const file of listed) {
      const text = fs.readFileSync(path.join(REPO, file), "utf8");
      expect(text, file).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
  });

  it("names every file and issue when a file is not valid", () => {
    const broken = { file: "seeds/roles/broken.json", data: { format: "traitkit.role/v1", slug: "Broken Slug" } };
    expect(() => validateDemoFiles([broken], SKILL_FILES)).toThrow(SeedValidationError);
    expect(() => validateDemoFiles([broken], SKILL_FILES)).toThrow(/seeds\/roles\/broken\.json:\n {2}slug: /);
    expect(() => validateDemoFiles([broken], SKILL_FILES)).toThrow(/ {2}idealProfile: /);
  });
});

describe("loadDemoData", () => {
  let database: TestDatabase | undefined;
  let db: TraitkitDb;

  beforeEach(async () => {
    database = await createTestDatabase();
    ({ db } = database);
    await migrateToLatest(db);
  });

  afterEach(async () => {
    await database?.drop();
  });

  it("loads every data file into an empty database", async () => {
    const result = await loadDemoData(db, NOW);
    expect(result).toEqual({ loaded: true, roles: roles.length, skills: expected.skills });
    expect(await tableCounts(db)).toEqual(expected);
  });

  it("loads the facts checked by hand against the documents", async () => {
    await loadDemoData(db, NOW);
    expect(roles).toHaveLength(11);

    // 002: MLOps Engineer
    const mlops = await roleId(db, "mlops-engineer");
    const role = await db.selectFrom("roles").selectAll().where("id", "=", mlops).executeTakeFirstOrThrow();
    expect(role.content_language).toBe("es");
    expect(role.created_at).toBe(NOW.toISOString());
    expect(parseLocalized(role.summary)?.es).toBe(
      "Diseña y opera la infraestructura que permite desplegar, monitorear y mantener modelos de machine learning en producción de forma confiable.",
    );
    const traits = await db.selectFrom("role_traits").selectAll().where("role_id", "=", mlops).execute();
    expect(traits).toHaveLength(6);
    expect(parseLocalized(traits.find((t) => t.trait === "emotional_stability")?.statement ?? null)?.es).toBe(
      "Calma ante degradación de modelos en producción y respuesta a incidentes de ML",
    );
    const questions = await db
      .selectFrom("questions")
      .select(["id", "position"])
      .where("role_id", "=", mlops)
      .orderBy("position")
      .execute();
    expect(questions.map((q) => q.position)).toEqual([1, 2, 3, 4]);
    const firstQuestionTraits = await db
      .selectFrom("question_traits")
      .select("trait")
      .where("question_id", "=", questions[0]?.id ?? -1)
      .orderBy("trait")
      .execute();
    expect(firstQuestionTraits.map((t) => t.trait)).toEqual(["conscientiousness", "emotional_stability"]);
    const anchors = await db
      .selectFrom("question_anchors")
      .innerJoin("questions", "questions.id", "question_anchors.question_id")
      .select("question_anchors.rating")
      .where("questions.role_id", "=", mlops)
      .execute();
    expect(anchors).toHaveLength(4 * 2 * 3);
    expect(await db.selectFrom("role_strengths").select("id").where("role_id", "=", mlops).execute()).toHaveLength(4);
    expect(await db.selectFrom("role_red_flags").select("id").where("role_id", "=", mlops).execute()).toHaveLength(4);
    expect(await db.selectFrom("archetypes").select("id").where("role_id", "=", mlops).execute()).toHaveLength(2);
    expect(await db.selectFrom("similar_roles").select("role_id").where("role_id", "=", mlops).execute()).toHaveLength(0);

    const transitions = await db
      .selectFrom("transitions")
      .select(["id", "target_slug", "target_name", "published_fit"])
      .where("role_id", "=", mlops)
      .orderBy("position")
      .execute();
    expect(transitions.map((t) => [t.target_name, t.published_fit])).toEqual([
      ["AI Researcher", 62],
      ["Data Governance Specialist", 68],
      ["Platform Engineer", 70],
      ["Build Engineer", 65],
      ["Chief Data Officer", 48],
    ]);
    const researcher = transitions.find((t) => t.target_slug === "ai-researcher");
    const deltas = await db
      .selectFrom("transition_deltas")
      .select(["trait", "delta"])
      .where("transition_id", "=", researcher?.id ?? -1)
      .orderBy("trait")
      .execute();
    expect(deltas).toEqual([
      { trait: "conscientiousness", delta: 8 },
      { trait: "openness", delta: 15 },
    ]);

    // 001: ML Engineer's skills matrix
    const mle = await roleId(db, "ml-engineer");
    expect(await db.selectFrom("role_traits").select("trait").where("role_id", "=", mle).execute()).toEqual([]);
    const cell = await db
      .selectFrom("role_skill_cells")
      .innerJoin("skills", "skills.id", "role_skill_cells.skill_id")
      .select("role_skill_cells.code")
      .where("role_skill_cells.role_id", "=", mle)
      .where("skills.name", "=", "Structured Logging")
      .where("role_skill_cells.level", "=", "lead")
      .executeTakeFirstOrThrow();
    expect(cell.code).toBe("—");
    const matrix = await db
      .selectFrom("role_skill_cells")
      .innerJoin("skills", "skills.id", "role_skill_cells.skill_id")
      .innerJoin("skill_domains", "skill_domains.id", "skills.domain_id")
      .select(["skills.slug", "skill_domains.name as domain", "role_skill_cells.position"])
      .where("role_skill_cells.role_id", "=", mle)
      .where("role_skill_cells.level", "=", "junior")
      .orderBy("role_skill_cells.position")
      .execute();
    expect(matrix).toHaveLength(58);
    expect(new Set(matrix.map((row) => row.domain)).size).toBe(14);
    expect(matrix[0]).toEqual({ slug: "github-copilot", domain: "AI-Assisted Development", position: 1 });
    expect(matrix.at(-1)).toEqual({ slug: "code-review", domain: "Version Control & Collaboration", position: 58 });
    expect(await db.selectFrom("role_level_focus").select("level").where("role_id", "=", mle).execute()).toHaveLength(5);
    const technologies = await db.selectFrom("role_technologies").select("name").where("role_id", "=", mle).orderBy("position").execute();
    expect(technologies[0]?.name).toBe("Python 3.11+");
    expect(technologies.at(-1)?.name).toBe("Prometheus/Grafana");

    // 003: MLflow, the same skill as the matrix's MLflow row
    const mlflow = await db
      .selectFrom("skills")
      .innerJoin("skill_domains", "skill_domains.id", "skills.domain_id")
      .select(["skills.id", "skills.skill_group", "skills.published_on", "skill_domains.name as domain"])
      .where("skills.slug", "=", "mlflow")
      .executeTakeFirstOrThrow();
    expect(mlflow).toMatchObject({ skill_group: "MLOps", published_on: "2026-03-17", domain: "Machine Learning & AI" });
    expect(matrix.find((row) => row.slug === "mlflow")?.domain).toBe("Machine Learning & AI");
    const mlflowExpectations = await db
      .selectFrom("skill_expectations")
      .select(["mandatory", "level", "role_id"])
      .where("skill_id", "=", mlflow.id)
      .execute();
    expect(mlflowExpectations).toHaveLength(30);
    expect(mlflowExpectations.filter((e) => e.mandatory === 1)).toHaveLength(22);
    expect(mlflowExpectations.filter((e) => e.role_id === mle && e.mandatory === 1)).toHaveLength(5);

    // 000 + 004: ML Deployment, one skill from two pages
    const deployment = await db
      .selectFrom("skills")
      .innerJoin("skill_expectations", "skill_expectations.skill_id", "skills.id")
      .select(["skill_expectations.mandatory", "skills.published_on"])
      .where("skills.slug", "=", "ml-deployment")
      .execute();
    expect(deployment).toHaveLength(10);
    expect(deployment.every((row) => row.mandatory === 0 && row.published_on === "2026-02-22")).toBe(true);
  });

  it("loads the self-reports: one agrees with the interview, one is flagged to probe, one is half done", async () => {
    await loadDemoData(db, NOW);
    const of = async (name: string) => {
      const row = await db
        .selectFrom("candidates")
        .innerJoin("assessments", "assessments.candidate_id", "candidates.id")
        .leftJoin("assessment_results", "assessment_results.assessment_id", "assessments.id")
        .selectAll("assessment_results")
        .select("assessments.id as assessmentId")
        .where("candidates.name", "=", name)
        .executeTakeFirstOrThrow();
      const questionnaire = await questionnaireForAssessment(db, row.assessmentId, NOW);
      const self = questionnaire.scores ? selfReportTraitScores(questionnaire.scores) : null;
      const probes = TRAIT_KEYS.filter((trait) => {
        const difference = selfReportDifference(self?.[trait]?.score ?? null, row[`${trait}_score`] ?? null);
        return difference?.probe === true;
      });
      return { questionnaire, self, probes };
    };

    const ada = await of("Ada Demo-Lovelace");
    expect(ada.questionnaire.status).toMatchObject({ state: "completed", language: "en", answered: 120 });
    expect(ada.probes).toEqual([]);
    // Every measured trait scored, near the demo's targets; Relational Engagement not measured.
    expect(ada.self?.openness?.score).toBeCloseTo(70, -1);
    expect(ada.self?.emotional_stability?.score).toBeCloseTo(72, -1);
    expect(ada.self?.relational_engagement).toBeNull();

    const grace = await of("Grace Demo-Hopper");
    expect(grace.questionnaire.status).toMatchObject({ state: "completed", language: "es", answered: 118 });
    expect(grace.probes).toEqual(["conscientiousness"]);
    // The two skipped items leave their facets (A6, C6) not scored; their traits are still scored.
    const facetsNotScored = (grace.questionnaire.scores ?? []).flatMap((d) => d.facets.filter((f) => f.score === null));
    expect(facetsNotScored.map((f) => `${f.domain}${f.facet}`).sort()).toEqual(["A6", "C6"]);

    const margaret = await of("Margaret Demo-Hamilton");
    expect(margaret.questionnaire.status).toEqual({ state: "started", language: "en", answered: 60 });
    expect(margaret.questionnaire.scores).toBeNull();

    // The model wrote the trail: sent, started, completed (twice), ids only.
    const actions = await db.selectFrom("audit_log").select(["action", "details"]).where("entity_type", "=", "questionnaire").execute();
    expect(actions.map((a) => a.action).sort()).toEqual([
      "questionnaire.complete",
      "questionnaire.complete",
      "questionnaire.send",
      "questionnaire.send",
      "questionnaire.send",
      "questionnaire.start",
      "questionnaire.start",
      "questionnaire.start",
    ]);
  });

  it("gives the calibration page a reliability for every trait and shows one lenient interviewer", async () => {
    await loadDemoData(db, NOW);
    const page = await calibrationPage(db, { ...periodInstants(defaultCalibrationPeriod(NOW)), roleSlug: null }, null);

    // Every submitted demo scorecard is dated inside the last twelve months, whenever the demo is loaded.
    const submitted = await db.selectFrom("scorecards").select("id").where("status", "=", "submitted").execute();
    expect(page.rows.reduce((total, row) => total + row.scorecards, 0)).toBe(submitted.length);
    expect(page.assessments).toBe(17);

    // A figure for each of the six traits, not "not enough data yet"; the bands the demo's seeded ratings give.
    const bands = Object.fromEntries(
      TRAIT_KEYS.map((trait) => {
        const reliability = page.reliability[trait];
        return [trait, reliability.status === "estimated" ? reliability.band : reliability.status];
      }),
    );
    expect(bands).toEqual({
      openness: "moderate",
      conscientiousness: "good",
      extraversion: "good",
      agreeableness: "moderate",
      emotional_stability: "poor",
      relational_engagement: "moderate",
    });

    // Interviewer 3 rates about a point above their co-panellists, on eight panels; the others a little below theirs.
    const byLeniency = [...page.rows].sort((a, b) => (b.leniency?.mean ?? -Infinity) - (a.leniency?.mean ?? -Infinity));
    const lenient = byLeniency[0];
    expect(lenient?.email).toBe("interviewer3@demo.traitkit.test");
    expect(lenient?.leniency?.mean).toBeGreaterThan(0.5);
    expect(lenient?.leniency?.mean).toBeCloseTo(0.924, 3);
    expect(lenient?.leniency?.n).toBe(8);
    for (const other of byLeniency.slice(1)) expect(other.leniency?.mean).toBeLessThan(0);
    // Three-person panels name them as the outlier on the traits flagged to calibrate.
    expect(page.team.outlierCount).toBe(2);
    expect(lenient?.outlierCount).toBe(2);
  });

  it("loads nothing the second time", async () => {
    await loadDemoData(db, NOW);
    const before = await tableCounts(db);
    expect(await loadDemoData(db, new Date("2026-05-01T00:00:00.000Z"))).toEqual({ loaded: false, roles: 0, skills: 0 });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("loads nothing into a database that has a user", async () => {
    await db
      .insertInto("users")
      .values({
        email: "ana@example.com",
        name: "Ana",
        role: "recruiter",
        password_hash: "x",
        deactivated_at: null,
        created_at: NOW.toISOString(),
      })
      .execute();
    expect((await loadDemoData(db, NOW)).loaded).toBe(false);
    expect((await tableCounts(db)).roles).toBe(0);
  });
});

import crypto from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { areasToDevelop, transitionFit, type AreaToDevelop, type TransitionBasis } from "~/domain/transitions";
import { computeFit } from "~/domain/fit";
import { isWeight, TRAIT_KEYS, traitRecord, type IdealProfile, type TraitKey } from "~/domain/traits";
import type { PanelResult } from "~/domain/panel";
import { computePanel, loadScoringKit, type ScoringKit } from "~/models/assessments.server";
import { recordAudit } from "~/models/audit.server";
import { hashToken } from "~/utils/session.server";

type Executor = Kysely<Database> | Transaction<Database>;

// ---------- The numbers behind the fit charts ----------

export type ChartTrait = {
  trait: TraitKey;
  /** null when not assessed: drawn as missing, never as 0. */
  score: number | null;
  evidence: number;
  band: { low: number; high: number; weight: number } | null;
};

export type ChartTransition = {
  target: string;
  publishedFit: number;
  /** Which profile the candidate's own fit used; "unavailable" when neither exists. */
  basis: TransitionBasis | "unavailable";
  fit: number | null;
  coverage: number;
  /** Largest weighted gap first. */
  areas: AreaToDevelop[];
};

export type FitCharts = {
  roleName: string;
  traits: ChartTrait[];
  fit: number | null;
  coverage: number;
  hasProfile: boolean;
  /** Areas to develop for the assessed role itself. */
  areas: AreaToDevelop[];
  transitions: ChartTransition[];
};

/** A profile with weights 1–3 everywhere, or null: the transition formulas take only valid profiles. */
function asIdealProfile(bands: Partial<Record<TraitKey, { low: number; high: number; weight: number }>>): IdealProfile | null {
  const valid = TRAIT_KEYS.every((trait) => {
    const band = bands[trait];
    return band !== undefined && isWeight(band.weight);
  });
  if (!valid) return null;
  return traitRecord((trait) => {
    const band = bands[trait];
    const weight = band?.weight;
    return { low: band?.low ?? 0, high: band?.high ?? 100, weight: weight !== undefined && isWeight(weight) ? weight : 1 };
  });
}

/**
 * The fit charts of an assessment: its scores against the frozen ideal profile,
 * and the candidate's fit to each career transition of the role in the library
 * (three queries, whatever the number of transitions).
 */
export async function loadFitCharts(db: Executor, kit: ScoringKit, panel: Pick<PanelResult, "traits" | "scores">): Promise<FitCharts> {
  const transitions = await db
    .selectFrom("transitions")
    .innerJoin("roles", "roles.id", "transitions.role_id")
    .select(["transitions.id", "transitions.target_name", "transitions.target_slug", "transitions.published_fit"])
    .where("roles.slug", "=", kit.roleSlug)
    .orderBy("transitions.position")
    .execute();
  const ids = transitions.map((t) => t.id);
  const slugs = [...new Set(transitions.map((t) => t.target_slug))];
  const [deltas, targetBands] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db.selectFrom("transition_deltas").select(["transition_id", "trait", "delta"]).where("transition_id", "in", ids).execute(),
          db
            .selectFrom("role_traits")
            .innerJoin("roles", "roles.id", "role_traits.role_id")
            .select(["roles.slug", "role_traits.trait", "role_traits.low", "role_traits.high", "role_traits.weight"])
            .where("roles.slug", "in", slugs)
            .execute(),
        ]);

  const scores = panel.scores;
  const source = kit.idealProfile ? asIdealProfile(kit.idealProfile) : null;
  const sourceFit = kit.idealProfile ? computeFit(scores, kit.idealProfile) : null;

  const chartTransitions = transitions.map((row): ChartTransition => {
    const bands: Partial<Record<TraitKey, { low: number; high: number; weight: number }>> = {};
    for (const b of targetBands) if (b.slug === row.target_slug) bands[b.trait] = { low: b.low, high: b.high, weight: b.weight };
    const target = Object.keys(bands).length === TRAIT_KEYS.length ? asIdealProfile(bands) : null;
    const base = { target: row.target_name, publishedFit: row.published_fit };
    if (target === null && source === null) return { ...base, basis: "unavailable", fit: null, coverage: 0, areas: [] };
    const transitionDeltas: Partial<Record<TraitKey, number>> = {};
    for (const d of deltas) if (d.transition_id === row.id) transitionDeltas[d.trait] = d.delta;
    // transitionFit needs a source only for the shifted basis, which is never taken when the target exists.
    const fitted = transitionFit(scores, source ?? target ?? traitRecord(() => ({ low: 0, high: 100, weight: 1 })), { target: row.target_name, publishedFit: row.published_fit, deltas: transitionDeltas }, target);
    return { ...base, basis: fitted.basis, fit: fitted.fit.fit, coverage: fitted.fit.coverage, areas: areasToDevelop(scores, fitted.profile) };
  });

  return {
    roleName: kit.roleName,
    traits: TRAIT_KEYS.map((trait) => {
      const aggregate = panel.traits[trait];
      const score = scores[trait];
      return {
        trait,
        score: score === undefined ? null : score,
        evidence: aggregate.evidence,
        band: kit.idealProfile ? kit.idealProfile[trait] : null,
      };
    }),
    fit: sourceFit?.fit ?? null,
    coverage: sourceFit?.coverage ?? 0,
    hasProfile: kit.idealProfile !== null,
    areas: source ? areasToDevelop(scores, source) : [],
    transitions: chartTransitions,
  };
}

// ---------- Report links ----------

export const REPORT_LANGUAGES = ["en", "es"] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export type ReportLinkStatus = "live" | "expired" | "revoked";

export type ReportLinkSummary = {
  id: number;
  language: ReportLanguage;
  createdAt: string;
  expiresAt: string | null;
  status: ReportLinkStatus;
};

/** A new token: 32 random bytes, base64url. Only its SHA-256 is stored. */
function newReportToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** Publishes a report link and audits it; the token is returned once and never stored. */
export async function publishReport(
  db: Kysely<Database>,
  args: { assessmentId: number; language: ReportLanguage; expiresAt: Date | null; actorId: number },
  now: Date,
): Promise<{ id: number; token: string }> {
  const token = newReportToken();
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto("report_links")
      .values({
        assessment_id: args.assessmentId,
        token_hash: hashToken(token),
        language: args.language,
        created_by: args.actorId,
        created_at: now.toISOString(),
        expires_at: args.expiresAt ? args.expiresAt.toISOString() : null,
        revoked_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      { actorUserId: args.actorId, action: "report.publish", entityType: "report", entityId: id, details: { assessment: args.assessmentId, language: args.language, expires: args.expiresAt !== null } },
      now,
    );
    return { id, token };
  });
}

/** Revokes a live link of this assessment; false when there is none such. */
export async function revokeReport(db: Kysely<Database>, args: { assessmentId: number; reportId: number; actorId: number }, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const result = await trx
      .updateTable("report_links")
      .set({ revoked_at: now.toISOString() })
      .where("id", "=", args.reportId)
      .where("assessment_id", "=", args.assessmentId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordAudit(trx, { actorUserId: args.actorId, action: "report.revoke", entityType: "report", entityId: args.reportId, details: { assessment: args.assessmentId } }, now);
    return true;
  });
}

/** The assessment's report links, newest first: status only, never a token. */
export async function listReportLinks(db: Executor, assessmentId: number, now: Date): Promise<ReportLinkSummary[]> {
  const rows = await db
    .selectFrom("report_links")
    .select(["id", "language", "created_at", "expires_at", "revoked_at"])
    .where("assessment_id", "=", assessmentId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  const at = now.toISOString();
  return rows.map((r) => ({
    id: r.id,
    language: r.language,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    status: r.revoked_at !== null ? "revoked" : r.expires_at !== null && r.expires_at <= at ? "expired" : "live",
  }));
}

export type CandidateReport = { language: ReportLanguage; expiresAt: string | null; charts: FitCharts };

/**
 * The candidate's report for a live token, or undefined for an unknown, revoked
 * or expired one (the route answers all three with the same 404). Holds no
 * interviewer, note, red flag, recommendation, decision nor internal id.
 */
export async function loadCandidateReport(db: Executor, token: string, now: Date): Promise<CandidateReport | undefined> {
  const link = await db
    .selectFrom("report_links")
    .innerJoin("assessments", "assessments.id", "report_links.assessment_id")
    .select(["report_links.assessment_id", "report_links.language", "report_links.expires_at", "assessments.kit_version_id"])
    .where("report_links.token_hash", "=", hashToken(token))
    .where("report_links.revoked_at", "is", null)
    .where((eb) => eb.or([eb("report_links.expires_at", "is", null), eb("report_links.expires_at", ">", now.toISOString())]))
    .executeTakeFirst();
  if (!link) return undefined;
  const kit = await loadScoringKit(db, link.kit_version_id);
  if (!kit) return undefined;
  const panel = await computePanel(db, link.assessment_id, kit);
  const charts = await loadFitCharts(db, kit, panel);
  return { language: link.language, expiresAt: link.expires_at, charts };
}

// ---------- The recruiter's assessment page ----------

export type AssessmentReportSection = { charts: FitCharts | null; links: ReportLinkSummary[] };

/** The charts (when the panel may be seen) and, for a recruiter, the report links of an assessment. */
export async function loadAssessmentReportSection(
  db: Executor,
  args: { assessmentId: number; kit: ScoringKit; panel: Pick<PanelResult, "traits" | "scores"> | null; isRecruiter: boolean },
  now: Date,
): Promise<AssessmentReportSection> {
  const [charts, links] = await Promise.all([
    args.panel ? loadFitCharts(db, args.kit, args.panel) : Promise.resolve(null),
    args.isRecruiter ? listReportLinks(db, args.assessmentId, now) : Promise.resolve([]),
  ]);
  return { charts, links };
}

import crypto from "node:crypto";
import type { ExpressionBuilder, Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { areasToDevelop, transitionFit, type AreaToDevelop, type TransitionBasis } from "~/domain/transitions";
import { computeFit } from "~/domain/fit";
import { isWeight, TRAIT_KEYS, traitRecord, type IdealProfile, type TraitKey } from "~/domain/traits";
import type { PanelResult } from "~/domain/panel";
import type { UiLanguage } from "~/domain/languages";
import { computePanel } from "~/models/panel-results.server";
import { loadScoringKit } from "~/models/scorecards.server";
import type { ScoringKit } from "~/models/scorecards.server";
import { reportLinkMessage } from "./mail-messages.server";
import { enqueueMessage } from "./outbox.server";
import { recordAudit } from "~/models/audit.server";
import { candidateMailFacts } from "~/models/candidate-mail.server";
import { hashToken } from "~/models/sessions.server";
import { questionnaireForAssessment, setQuestionnaireInReport } from "~/models/questionnaires.server";
import { facetTexts } from "~/models/self-report-texts.server";
import type { DomainScore } from "~/domain/self-report";

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
    const fitted = transitionFit(
      scores,
      source ?? target ?? traitRecord(() => ({ low: 0, high: 100, weight: 1 })),
      { target: row.target_name, publishedFit: row.published_fit, deltas: transitionDeltas },
      target,
    );
    return {
      ...base,
      basis: fitted.basis,
      fit: fitted.fit.fit,
      coverage: fitted.fit.coverage,
      areas: areasToDevelop(scores, fitted.profile),
    };
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

// ---------- Report links and their snapshots ----------

/** A report is published in any interface language. */
export type ReportLanguage = UiLanguage;

export type ReportLinkStatus = "live" | "expired" | "revoked";

/** What a recruiter publishing again does with the earlier live links. */
export type EarlierLinks = "keep" | "revoke";

export type ReportLinkSummary = {
  id: number;
  /** The start of the token's hash: tells links apart, reveals nothing of the token. */
  shortId: string;
  language: ReportLanguage;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  status: ReportLinkStatus;
  /** The version the link shows; null for a link published before snapshots and not opened since. */
  version: number | null;
  opens: number;
  lastOpenedAt: string | null;
};

/**
 * The candidate's own self-report as their report shows it (issue 20): each
 * trait's score and its facets with their names and plain-language texts in
 * the report's language, all frozen when the report is published.
 */
export type ReportSelfReport = {
  completedAt: string;
  traits: {
    trait: TraitKey;
    /** false for Relational Engagement, which the questionnaire does not measure. */
    measured: boolean;
    /** 0–100 at full precision; null when not measured or not scored (too many items unanswered). */
    score: number | null;
    facets: { title: string; text: string; score: number | null }[];
  }[];
};

/**
 * A snapshot's content: exactly what the candidate's page renders, computed
 * when it was published, so later changes of ratings, kit, role or formulas
 * never reach a report the candidate holds. `selfReport` only when the
 * recruiter included it (and never in a snapshot published before issue 20).
 */
export type SnapshotContent = { language: ReportLanguage; charts: FitCharts; selfReport?: ReportSelfReport };

/** A submitted self-report's scores, to be written into a snapshot in each language it is published in. */
type SelfReportScores = { completedAt: string; domains: DomainScore[] };

function selfReportContent(scores: SelfReportScores, language: ReportLanguage): ReportSelfReport {
  return {
    completedAt: scores.completedAt,
    traits: TRAIT_KEYS.map((trait) => {
      const domain = scores.domains.find((d) => d.trait === trait);
      if (!domain) return { trait, measured: false, score: null, facets: [] };
      return {
        trait,
        measured: true,
        score: domain.score,
        facets: domain.facets.map((f) => ({ ...facetTexts(f.domain, f.facet, language), score: f.score })),
      };
    }),
  };
}

const SHORT_ID_LENGTH = 8;

function shortId(tokenHash: string): string {
  return tokenHash.slice(0, SHORT_ID_LENGTH).toUpperCase();
}

/** A new token: 32 random bytes, base64url. Only its SHA-256 is stored. */
function newReportToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** A report can be shown only once at least one scorecard is submitted: with none, it would show no score. */
async function currentCharts(db: Executor, assessmentId: number): Promise<FitCharts | undefined> {
  const assessment = await db.selectFrom("assessments").select("kit_version_id").where("id", "=", assessmentId).executeTakeFirst();
  const kit = assessment && (await loadScoringKit(db, assessment.kit_version_id));
  if (!kit) return undefined;
  const panel = await computePanel(db, assessmentId, kit);
  if (panel.submittedCount === 0) return undefined;
  return loadFitCharts(db, kit, panel);
}

async function nextVersion(db: Executor, assessmentId: number): Promise<number> {
  const row = await db
    .selectFrom("report_snapshots")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("assessment_id", "=", assessmentId)
    .executeTakeFirst();
  return (row?.version ?? 0) + 1;
}

async function insertSnapshot(
  db: Executor,
  args: {
    assessmentId: number;
    version: number;
    language: ReportLanguage;
    charts: FitCharts;
    selfReport?: SelfReportScores | null;
    actorId: number | null;
  },
  now: Date,
): Promise<number> {
  const content: SnapshotContent = {
    language: args.language,
    charts: args.charts,
    ...(args.selfReport ? { selfReport: selfReportContent(args.selfReport, args.language) } : {}),
  };
  const { id } = await db
    .insertInto("report_snapshots")
    .values({
      assessment_id: args.assessmentId,
      version: args.version,
      language: args.language,
      content: JSON.stringify(content),
      created_by: args.actorId,
      created_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

function liveAt(now: Date) {
  const at = now.toISOString();
  return (eb: ExpressionBuilder<Database, "report_links">) =>
    eb.and([
      eb("report_links.revoked_at", "is", null),
      eb.or([eb("report_links.expires_at", "is", null), eb("report_links.expires_at", ">", at)]),
    ]);
}

export type PublishOutcome =
  { ok: true; id: number; token: string; shortId: string; version: number } | { ok: false; reason: "noScores" | "noSelfReport" };

/**
 * Publishes a new version of the candidate's report: a snapshot of it as it
 * is now, and a link to it whose token is returned once and never stored. The
 * earlier live links are moved to the new version (each in its own language)
 * or revoked. Refused while no scorecard is submitted. With `includeSelfReport`
 * the candidate's submitted self-report is frozen into it too (refused when
 * there is none submitted), and the choice is kept as the form's next default.
 * One transaction, audited.
 */
export async function publishReport(
  db: Kysely<Database>,
  args: {
    assessmentId: number;
    language: ReportLanguage;
    expiresAt: Date | null;
    actorId: number;
    earlier?: EarlierLinks;
    /** E-mail the new link to the candidate, in the report's language; null: the recruiter shares it. */
    mailTo?: { email: string; appUrl: string } | null;
    /** Show the candidate their own self-report (issue 20). */
    includeSelfReport?: boolean;
  },
  now: Date,
): Promise<PublishOutcome> {
  const token = newReportToken();
  const earlier = args.earlier ?? "keep";
  return inTransaction(db, async (trx): Promise<PublishOutcome> => {
    const charts = await currentCharts(trx, args.assessmentId);
    if (!charts) return { ok: false, reason: "noScores" };
    let selfReport: SelfReportScores | null = null;
    if (args.includeSelfReport) {
      const questionnaire = await questionnaireForAssessment(trx, args.assessmentId, now);
      if (questionnaire.status.state !== "completed" || !questionnaire.scores) return { ok: false, reason: "noSelfReport" };
      selfReport = { completedAt: questionnaire.status.completedAt, domains: questionnaire.scores };
    }
    await setQuestionnaireInReport(trx, args.assessmentId, selfReport !== null);
    const version = await nextVersion(trx, args.assessmentId);
    const snapshotId = await insertSnapshot(
      trx,
      { assessmentId: args.assessmentId, version, language: args.language, charts, selfReport, actorId: args.actorId },
      now,
    );
    const earlierLinks = await trx
      .selectFrom("report_links")
      .select(["id", "language"])
      .where("assessment_id", "=", args.assessmentId)
      .where(liveAt(now))
      .execute();
    const tokenHash = hashToken(token);
    const { id } = await trx
      .insertInto("report_links")
      .values({
        assessment_id: args.assessmentId,
        token_hash: tokenHash,
        language: args.language,
        created_by: args.actorId,
        created_at: now.toISOString(),
        expires_at: args.expiresAt ? args.expiresAt.toISOString() : null,
        revoked_at: null,
        snapshot_id: snapshotId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (earlier === "revoke") {
      for (const link of earlierLinks) {
        await trx.updateTable("report_links").set({ revoked_at: now.toISOString() }).where("id", "=", link.id).execute();
        await recordAudit(
          trx,
          {
            actorUserId: args.actorId,
            action: "report.revoke",
            entityType: "report",
            entityId: link.id,
            details: { assessment: args.assessmentId, replacedBy: id },
          },
          now,
        );
      }
    } else {
      // A link keeps its language: a Spanish reader moved to the new version still reads Spanish.
      const snapshots = new Map<ReportLanguage, number>([[args.language, snapshotId]]);
      for (const link of earlierLinks) {
        let target = snapshots.get(link.language);
        if (target === undefined) {
          target = await insertSnapshot(
            trx,
            { assessmentId: args.assessmentId, version, language: link.language, charts, selfReport, actorId: args.actorId },
            now,
          );
          snapshots.set(link.language, target);
        }
        await trx.updateTable("report_links").set({ snapshot_id: target }).where("id", "=", link.id).execute();
      }
    }
    await recordAudit(
      trx,
      {
        actorUserId: args.actorId,
        action: "report.publish",
        entityType: "report",
        entityId: id,
        details: {
          assessment: args.assessmentId,
          language: args.language,
          expires: args.expiresAt !== null,
          version,
          earlier,
          earlierLinks: earlierLinks.length,
          selfReport: selfReport !== null,
        },
      },
      now,
    );
    if (args.mailTo) {
      const about = await candidateMailFacts(trx, args.assessmentId, args.actorId);
      await enqueueMessage(
        trx,
        reportLinkMessage({
          appUrl: args.mailTo.appUrl,
          assessmentId: args.assessmentId,
          candidate: { email: args.mailTo.email, name: about.candidateName },
          roleName: about.roleName,
          reportUrl: `${args.mailTo.appUrl}/r/${token}`,
          expiresAt: args.expiresAt?.toISOString() ?? null,
          recruiter: about.recruiter,
          language: args.language,
        }),
        now,
      );
    }
    return { ok: true, id, token, shortId: shortId(tokenHash), version };
  });
}

/** Revokes a live link of this assessment; false when there is none such. */
export async function revokeReport(
  db: Kysely<Database>,
  args: { assessmentId: number; reportId: number; actorId: number },
  now: Date,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const result = await trx
      .updateTable("report_links")
      .set({ revoked_at: now.toISOString() })
      .where("id", "=", args.reportId)
      .where("assessment_id", "=", args.assessmentId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordAudit(
      trx,
      {
        actorUserId: args.actorId,
        action: "report.revoke",
        entityType: "report",
        entityId: args.reportId,
        details: { assessment: args.assessmentId },
      },
      now,
    );
    return true;
  });
}

/** Report links shown on a page of an assessment's list: about one a published version, so five cover most reports' history. */
export const REPORT_LINKS_PAGE_SIZE = 5;

/** How many report links an assessment has, the live ones apart, and how many pages of them. */
export type ReportLinkCount = { total: number; live: number; pageSize: number; pageCount: number };

/** One page of the assessment's report links, newest first (status, version and opens, never a token), and their count. */
export async function listReportLinks(
  db: Executor,
  assessmentId: number,
  now: Date,
  page: number,
): Promise<{ rows: ReportLinkSummary[]; count: ReportLinkCount }> {
  const counted = db
    .selectFrom("report_links")
    .select((eb) => [
      eb.fn.countAll<number>().as("total"),
      eb.fn.sum<number>(eb.case().when(liveAt(now)(eb)).then(1).else(0).end()).as("live"),
    ])
    .where("report_links.assessment_id", "=", assessmentId)
    .executeTakeFirstOrThrow();
  const listed = db
    .selectFrom("report_links")
    .innerJoin("users", "users.id", "report_links.created_by")
    .leftJoin("report_snapshots", "report_snapshots.id", "report_links.snapshot_id")
    .select([
      "report_links.id",
      "report_links.token_hash",
      "report_links.language",
      "users.name as created_by",
      "report_links.created_at",
      "report_links.expires_at",
      "report_links.revoked_at",
      "report_links.opens",
      "report_links.last_opened_at",
      "report_snapshots.version",
    ])
    .where("report_links.assessment_id", "=", assessmentId)
    .orderBy("report_links.created_at", "desc")
    .orderBy("report_links.id", "desc")
    .limit(REPORT_LINKS_PAGE_SIZE)
    .offset((page - 1) * REPORT_LINKS_PAGE_SIZE)
    .execute();
  const [rows, counts] = await Promise.all([listed, counted]);
  const at = now.toISOString();
  const links = rows.map((r): ReportLinkSummary => ({
    id: r.id,
    shortId: shortId(r.token_hash),
    language: r.language,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    status: r.revoked_at !== null ? "revoked" : r.expires_at !== null && r.expires_at <= at ? "expired" : "live",
    version: r.version,
    opens: r.opens,
    lastOpenedAt: r.last_opened_at,
  }));
  // A sum over no row is null, which Number makes 0.
  const count = { total: Number(counts.total), live: Number(counts.live) };
  return {
    rows: links,
    count: { ...count, pageSize: REPORT_LINKS_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(count.total / REPORT_LINKS_PAGE_SIZE)) },
  };
}

function parseContent(content: string): SnapshotContent {
  return JSON.parse(content) as SnapshotContent;
}

export type CandidateReport = {
  language: ReportLanguage;
  expiresAt: string | null;
  charts: FitCharts;
  selfReport: ReportSelfReport | null;
};

/**
 * The candidate's report for a live token, from the snapshot the link shows,
 * or undefined for an unknown, revoked or expired one (the route answers all
 * three with the same 404). Counts the open: a number and a time, nothing
 * about the reader. A link published before snapshots gets its snapshot here,
 * on its first open, as the report then is. Holds no interviewer, note, red
 * flag, recommendation, decision nor internal id.
 */
export async function openCandidateReport(db: Kysely<Database>, token: string, now: Date): Promise<CandidateReport | undefined> {
  /*
   * A link with its snapshot (every link after its first open): one statement
   * counts the open and says which snapshot to show, which never changes. On
   * PostgreSQL many readers opening one link at once queue on its row instead
   * of failing each other's transactions (SERIALIZABLE refuses a row another
   * transaction updated since it began).
   */
  const opened = await db
    .updateTable("report_links")
    .set((eb) => ({ opens: eb("opens", "+", 1), last_opened_at: now.toISOString() }))
    .where("token_hash", "=", hashToken(token))
    .where("snapshot_id", "is not", null)
    .where(liveAt(now))
    .returning(["snapshot_id", "expires_at"])
    .executeTakeFirst();
  if (opened?.snapshot_id != null) {
    const snapshot = await db.selectFrom("report_snapshots").select("content").where("id", "=", opened.snapshot_id).executeTakeFirst();
    // Erased between the two statements: as gone as an unknown link.
    if (!snapshot) return undefined;
    const content = parseContent(snapshot.content);
    return { language: content.language, expiresAt: opened.expires_at, charts: content.charts, selfReport: content.selfReport ?? null };
  }
  // Unknown, revoked or expired, or a link published before snapshots: its first open makes its snapshot.
  return inTransaction(db, async (trx) => {
    const link = await trx
      .selectFrom("report_links")
      .select([
        "report_links.id",
        "report_links.assessment_id",
        "report_links.language",
        "report_links.expires_at",
        "report_links.snapshot_id",
      ])
      .where("report_links.token_hash", "=", hashToken(token))
      .where(liveAt(now))
      .executeTakeFirst();
    if (!link) return undefined;
    let snapshotId = link.snapshot_id;
    if (snapshotId === null) {
      const charts = await currentCharts(trx, link.assessment_id);
      if (!charts) return undefined;
      const version = await nextVersion(trx, link.assessment_id);
      snapshotId = await insertSnapshot(
        trx,
        { assessmentId: link.assessment_id, version, language: link.language, charts, actorId: null },
        now,
      );
    }
    await trx
      .updateTable("report_links")
      .set((eb) => ({ snapshot_id: snapshotId, opens: eb("opens", "+", 1), last_opened_at: now.toISOString() }))
      .where("id", "=", link.id)
      .execute();
    const snapshot = await trx.selectFrom("report_snapshots").select("content").where("id", "=", snapshotId).executeTakeFirstOrThrow();
    const content = parseContent(snapshot.content);
    return { language: content.language, expiresAt: link.expires_at, charts: content.charts, selfReport: content.selfReport ?? null };
  });
}

/** Whether the report as it is now differs from what the latest live link shows: content compared, not times. */
async function publishedVersionOutOfDate(db: Executor, assessmentId: number, charts: FitCharts | null, now: Date): Promise<number | null> {
  const latest = await db
    .selectFrom("report_links")
    .innerJoin("report_snapshots", "report_snapshots.id", "report_links.snapshot_id")
    .select(["report_snapshots.version", "report_snapshots.content"])
    .where("report_links.assessment_id", "=", assessmentId)
    .where(liveAt(now))
    .orderBy("report_snapshots.version", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!latest) return null;
  // Every scorecard reopened: what the candidate holds has nothing behind it now.
  if (!charts) return latest.version;
  return JSON.stringify(parseContent(latest.content).charts) === JSON.stringify(charts) ? null : latest.version;
}

// ---------- The recruiter's assessment page ----------

export type AssessmentReportSection = {
  charts: FitCharts | null;
  /** The page `linksPage` of the report links. */
  links: ReportLinkSummary[];
  linksPage: number;
  linkCount: ReportLinkCount;
  /** Publishing needs at least one submitted scorecard. */
  canPublish: boolean;
  /** The version the live links show when the report as it is now differs from it; null when up to date or unpublished. */
  outOfDateVersion: number | null;
  /** A submitted self-report the recruiter may include, with their last choice (the box's default); null when there is none. */
  selfReport: { included: boolean } | null;
};

/** The charts (when the panel may be seen) and, for a recruiter, a page of the report links of an assessment and whether they are out of date. */
export async function loadAssessmentReportSection(
  db: Executor,
  args: {
    assessmentId: number;
    kit: ScoringKit;
    panel: Pick<PanelResult, "traits" | "scores" | "submittedCount"> | null;
    isRecruiter: boolean;
    linksPage: number;
  },
  now: Date,
): Promise<AssessmentReportSection> {
  const charts = args.panel ? await loadFitCharts(db, args.kit, args.panel) : null;
  if (!args.isRecruiter) {
    return {
      charts,
      links: [],
      linksPage: 1,
      linkCount: { total: 0, live: 0, pageSize: REPORT_LINKS_PAGE_SIZE, pageCount: 1 },
      canPublish: false,
      outOfDateVersion: null,
      selfReport: null,
    };
  }
  const submitted = (args.panel?.submittedCount ?? 0) > 0;
  const [links, outOfDateVersion, questionnaire] = await Promise.all([
    listReportLinks(db, args.assessmentId, now, args.linksPage),
    publishedVersionOutOfDate(db, args.assessmentId, submitted ? charts : null, now),
    db
      .selectFrom("questionnaires")
      .select("include_in_report")
      .where("assessment_id", "=", args.assessmentId)
      .where("completed_at", "is not", null)
      .executeTakeFirst(),
  ]);
  return {
    charts,
    links: links.rows,
    linksPage: args.linksPage,
    linkCount: links.count,
    canPublish: submitted,
    outOfDateVersion,
    selfReport: questionnaire ? { included: questionnaire.include_in_report === 1 } : null,
  };
}

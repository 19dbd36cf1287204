import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { UserRole } from "~/domain/accounts";
import type { AnchorRating } from "~/domain/anchors";
import type { Decision } from "~/domain/decisions";
import type { UiLanguage } from "~/domain/languages";
import type { ProposalStatus } from "~/domain/proposals";
import type { TraitKey } from "~/domain/traits";

/*
 * The typed shape of every table of db/migrations. One interface per table,
 * nullable columns as `T | null`, generated ids as Generated<number>.
 * Localized text columns hold a JSON object {"es": "...", "en": "..."}.
 */

export type LevelColumn = "junior" | "mid" | "senior" | "lead" | "principal";
export type ContentLanguage = "es" | "en" | "zh";
/** An interface language, as users, report links and report snapshots store it (migration 0019). */
export type UiLanguageColumn = UiLanguage;
/** A localized JSON text column. */
export type LocalizedJson = string;

export interface RolesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  family: string;
  summary: LocalizedJson | null;
  content_language: ContentLanguage;
  source_note: string | null;
  success_case_title: LocalizedJson | null;
  success_case_story: LocalizedJson | null;
  created_at: string;
  updated_at: string;
  /** Who last saved the role (form or import); null: as loaded from the seed documents. */
  saved_by: number | null;
  archived_at: string | null;
  archived_by: number | null;
}

export interface RoleTraitsTable {
  role_id: number;
  trait: TraitKey;
  low: number;
  high: number;
  weight: number;
  statement: LocalizedJson | null;
  band_source: "team" | "published";
}

export interface RoleListItemTable {
  id: Generated<number>;
  role_id: number;
  position: number;
  text: LocalizedJson;
}

export interface QuestionsTable {
  id: Generated<number>;
  role_id: number;
  position: number;
  text: LocalizedJson;
  evaluates_note: LocalizedJson | null;
}

export interface QuestionTraitsTable {
  question_id: number;
  trait: TraitKey;
}

export interface QuestionAnchorsTable {
  question_id: number;
  trait: TraitKey;
  rating: AnchorRating;
  text: LocalizedJson;
}

export interface TransitionsTable {
  id: Generated<number>;
  role_id: number;
  position: number;
  target_name: string;
  target_slug: string;
  published_fit: number;
}

export interface TransitionStrengthsTable {
  transition_id: number;
  position: number;
  text: LocalizedJson;
}

export interface TransitionDeltasTable {
  transition_id: number;
  trait: TraitKey;
  delta: number;
}

export interface SimilarRolesTable {
  role_id: number;
  position: number;
  similar_name: string;
  similar_slug: string;
}

export interface ArchetypesTable {
  id: Generated<number>;
  role_id: number;
  position: number;
  name: LocalizedJson;
  description: LocalizedJson;
}

export interface SkillDomainsTable {
  id: Generated<number>;
  name: string;
}

export interface SkillsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  domain_id: number;
  skill_group: string | null;
  description: LocalizedJson | null;
  published_on: string | null;
}

export interface RoleSkillCellsTable {
  role_id: number;
  skill_id: number;
  level: LevelColumn;
  code: string;
  position: number;
}

export interface RoleLevelFocusTable {
  role_id: number;
  level: LevelColumn;
  text: LocalizedJson;
}

export interface RoleTechnologiesTable {
  role_id: number;
  position: number;
  name: string;
}

export interface SkillExpectationsTable {
  skill_id: number;
  role_id: number;
  level: LevelColumn;
  mandatory: 0 | 1;
  description: LocalizedJson;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: UserRole;
  password_hash: string;
  deactivated_at: string | null;
  created_at: string;
  /** The language of their e-mail; null: the language of whoever caused the message. */
  language: UiLanguageColumn | null;
  /** The optional messages they accept (1) or turned off (0). */
  mail_reminders: Generated<0 | 1>;
  mail_all_in: Generated<0 | 1>;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface InvitesTable {
  id: Generated<number>;
  token_hash: string;
  email: string;
  role: UserRole;
  invited_by: number;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_user_id: number | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  account_key: string;
  client_key: string;
  at: string;
}

export interface CandidatesTable {
  id: Generated<number>;
  name: string;
  email: string | null;
  role_id: number | null;
  source: string | null;
  notes: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface KitsTable {
  id: Generated<number>;
  role_id: number | null;
  created_by: number | null;
  created_at: string;
  archived_at: string | null;
  archived_by: number | null;
}

export interface KitVersionsTable {
  id: Generated<number>;
  kit_id: number;
  version: number;
  name: string;
  level: LevelColumn;
  role_slug: string;
  role_name: string;
  content_language: ContentLanguage;
  created_by: number | null;
  created_at: string;
}

export interface KitVersionTraitsTable {
  kit_version_id: number;
  trait: TraitKey;
  low: number;
  high: number;
  weight: number;
  statement: LocalizedJson | null;
}

export interface KitQuestionsTable {
  id: Generated<number>;
  kit_version_id: number;
  position: number;
  text: LocalizedJson;
  source_question_id: number | null;
}

export interface KitQuestionTraitsTable {
  kit_question_id: number;
  trait: TraitKey;
}

export interface KitQuestionAnchorsTable {
  kit_question_id: number;
  trait: TraitKey;
  rating: AnchorRating;
  text: LocalizedJson;
}

export interface KitListItemTable {
  id: Generated<number>;
  kit_version_id: number;
  position: number;
  text: LocalizedJson;
}

/** An interviewer's mark on one of the kit's skill expectations; no row: not asked (migration 0019). */
export interface ScorecardExpectationMarksTable {
  scorecard_id: number;
  kit_version_id: number;
  position: number;
  mark: "met" | "partly" | "not_met";
}

/** The success case's OCEAN+ profile, one illustrative score per trait (migration 0019). */
export interface RoleSuccessCaseTraitsTable {
  role_id: number;
  trait: TraitKey;
  score: number;
}

export interface KitExpectationsTable {
  kit_version_id: number;
  position: number;
  skill_name: string;
  mandatory: 0 | 1;
  description: LocalizedJson;
}

export interface AssessmentsTable {
  id: Generated<number>;
  candidate_id: number;
  kit_version_id: number;
  created_by: number | null;
  created_at: string;
}

export interface AssessmentInterviewersTable {
  assessment_id: number;
  user_id: number;
  added_at: string;
  /** The assessment's created_at, copied so an interviewer's list walks an index in its order (migration 0004). */
  assessment_created_at: string;
  /** When this interviewer meets the candidate (UTC ISO), and the IANA zone it was set in; null: not scheduled. */
  interview_at: string | null;
  interview_time_zone: string | null;
  /** When their scorecard is due (UTC ISO); null: no due time, never overdue. */
  scorecard_due_at: string | null;
}

export interface ScorecardsTable {
  id: Generated<number>;
  assessment_id: number;
  interviewer_id: number;
  status: "draft" | "submitted";
  recommendation: "strong_no" | "no" | "yes" | "strong_yes" | null;
  revision: Generated<number>;
  updated_at: string;
  submitted_at: string | null;
}

/** A removed interviewer's draft, kept (as JSON: see ParkedDraftContent) until they are added back or it is discarded. */
export interface ParkedDraftsTable {
  assessment_id: number;
  interviewer_id: number;
  revision: number;
  content: string;
  updated_at: string;
  parked_at: string;
}

export interface RatingsTable {
  scorecard_id: number;
  kit_question_id: number;
  trait: TraitKey;
  rating: number;
}

export interface ScorecardNotesTable {
  scorecard_id: number;
  kit_question_id: number;
  notes: string;
}

export interface ObservedStrengthsTable {
  scorecard_id: number;
  kit_strength_id: number;
}

export interface ObservedRedFlagsTable {
  scorecard_id: number;
  kit_red_flag_id: number;
  evidence: string | null;
}

export interface DecisionsTable {
  id: Generated<number>;
  assessment_id: number;
  decision: Decision;
  reason: string;
  decided_by: number;
  decided_at: string;
}

type TraitResultColumns = {
  [K in TraitKey as `${K}_score`]: number | null;
} & {
  [K in TraitKey as `${K}_evidence`]: ColumnType<number, number | undefined, number>;
} & {
  /** 1 when the panel's submitted interviewers' means of the trait are CALIBRATION_SPREAD or more apart (migration 0011). */
  [K in TraitKey as `${K}_calibrate`]: ColumnType<number, number | undefined, number>;
};

export type AssessmentResultsTable = TraitResultColumns & {
  assessment_id: number;
  role_slug: string;
  fit: number | null;
  coverage: number;
  evidence: number;
  submitted_scorecards: number;
  computed_at: string;
  /** 1 on the candidate's latest assessment of the role with a result: the one the ranking shows. */
  latest: Generated<number>;
  /** Interviewers on the assessment's panel, kept by the database (migration 0010): a written value is replaced or refused. */
  assigned_interviewers: Generated<number>;
  /** The assessment's latest decision, kept by the database (migration 0011): a written value is replaced or refused. */
  decision: Generated<string | null>;
};

type SummaryRatingColumns = { [R in 1 | 2 | 3 | 4 | 5 as `ratings_${R}`]: ColumnType<number, number | undefined, number> };
type SummaryTraitColumns = {
  [K in TraitKey as `${K}_sum` | `${K}_count`]: ColumnType<number, number | undefined, number>;
};

/** One row per submitted scorecard, what interviewer calibration reads (migration 0017); rewritten with the assessment's result. */
export type ScorecardSummariesTable = SummaryRatingColumns &
  SummaryTraitColumns & {
    scorecard_id: number;
    assessment_id: number;
    interviewer_id: number;
    role_slug: string;
    submitted_at: string;
    assigned_at: string | null;
    recommendation: "strong_no" | "no" | "yes" | "strong_yes" | null;
    /** The kit version's question×trait cells, and how many of them the scorecard rated. */
    kit_cells: number;
    rated_cells: number;
  };

/** One row (id 1): a counter that moves with every change of scorecard_summaries (migration 0017's triggers). */
export interface ScorecardSummariesGenerationTable {
  id: number;
  generation: number;
}

/** The candidate's self-report questionnaire of an assessment (issue 20): one per assessment. */
export interface QuestionnairesTable {
  assessment_id: number;
  /** "ipip-neo-120". */
  instrument: string;
  /** The language the recruiter chose for the link: "en", "es" or "zh-cn". */
  language: string;
  created_by: number;
  created_at: string;
  consented_at: string | null;
  completed_at: string | null;
  /** 1: the recruiter chose to show the self-report in the candidate's report. */
  include_in_report: Generated<number>;
}

export interface QuestionnaireLinksTable {
  id: Generated<number>;
  assessment_id: number;
  token_hash: string;
  language: string;
  created_by: number;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_opened_at: string | null;
}

/** An answer by the item package's stable id; value 1 (very inaccurate) … 5 (very accurate). */
export interface QuestionnaireAnswersTable {
  assessment_id: number;
  item_id: string;
  value: number;
  answered_at: string;
}

export interface ReportLinksTable {
  id: Generated<number>;
  assessment_id: number;
  token_hash: string;
  language: UiLanguageColumn;
  created_by: number;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  /** The snapshot the link shows; null only for a link published before snapshots, until it is first needed. */
  snapshot_id: number | null;
  opens: Generated<number>;
  last_opened_at: string | null;
}

export interface ReportSnapshotsTable {
  id: Generated<number>;
  assessment_id: number;
  version: number;
  language: UiLanguageColumn;
  /** JSON: the report as the candidate's page renders it (app/models/report.server.ts, SnapshotContent). */
  content: string;
  created_by: number | null;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: string | null;
}

/** A library item (seeds/) a database has had: the version loaded, by its content's hash (migration 0008). */
export interface LibraryItemsTable {
  kind: "role" | "skill";
  slug: string;
  content_hash: string;
  loaded_at: string;
}

export interface Database {
  roles: RolesTable;
  role_traits: RoleTraitsTable;
  role_strengths: RoleListItemTable;
  role_red_flags: RoleListItemTable;
  questions: QuestionsTable;
  question_traits: QuestionTraitsTable;
  question_anchors: QuestionAnchorsTable;
  transitions: TransitionsTable;
  transition_strengths: TransitionStrengthsTable;
  transition_deltas: TransitionDeltasTable;
  similar_roles: SimilarRolesTable;
  archetypes: ArchetypesTable;
  skill_domains: SkillDomainsTable;
  skills: SkillsTable;
  role_skill_cells: RoleSkillCellsTable;
  role_level_focus: RoleLevelFocusTable;
  role_technologies: RoleTechnologiesTable;
  skill_expectations: SkillExpectationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  invites: InvitesTable;
  login_failures: LoginFailuresTable;
  candidates: CandidatesTable;
  kits: KitsTable;
  kit_versions: KitVersionsTable;
  kit_version_traits: KitVersionTraitsTable;
  kit_questions: KitQuestionsTable;
  kit_question_traits: KitQuestionTraitsTable;
  kit_question_anchors: KitQuestionAnchorsTable;
  kit_strengths: KitListItemTable;
  kit_red_flags: KitListItemTable;
  kit_expectations: KitExpectationsTable;
  scorecard_expectation_marks: ScorecardExpectationMarksTable;
  role_success_case_traits: RoleSuccessCaseTraitsTable;
  assessments: AssessmentsTable;
  assessment_interviewers: AssessmentInterviewersTable;
  scorecards: ScorecardsTable;
  parked_drafts: ParkedDraftsTable;
  ratings: RatingsTable;
  scorecard_notes: ScorecardNotesTable;
  observed_strengths: ObservedStrengthsTable;
  observed_red_flags: ObservedRedFlagsTable;
  decisions: DecisionsTable;
  assessment_results: AssessmentResultsTable;
  scorecard_summaries: ScorecardSummariesTable;
  scorecard_summaries_generation: ScorecardSummariesGenerationTable;
  report_links: ReportLinksTable;
  report_snapshots: ReportSnapshotsTable;
  audit_log: AuditLogTable;
  library_items: LibraryItemsTable;
  mail_outbox: MailOutboxTable;
  debrief_readings: DebriefReadingsTable;
  questionnaires: QuestionnairesTable;
  questionnaire_links: QuestionnaireLinksTable;
  questionnaire_answers: QuestionnaireAnswersTable;
  app_settings: AppSettingsTable;
  profile_versions: ProfileVersionsTable;
  proposals: ProposalsTable;
  proposal_votes: ProposalVotesTable;
  proposal_comments: ProposalCommentsTable;
  proposal_activity: ProposalActivityTable;
  profile_follows: ProfileFollowsTable;
  proposal_feed_reads: ProposalFeedReadsTable;
}

export type Role = Selectable<RolesTable>;
export type NewRole = Insertable<RolesTable>;
export type RoleUpdate = Updateable<RolesTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;

/** A message to send, written with the change that causes it (migration 0012). */
export interface MailOutboxTable {
  id: Generated<number>;
  kind: string;
  /** The Message-ID header: the same on every attempt, so a receiving server can tell a repeat. */
  message_id: string;
  /** Set for a message that must exist once (a reminder of one due time). */
  dedupe_key: string | null;
  to_address: string;
  recipient_user_id: number | null;
  assessment_id: number | null;
  subject: string;
  /** Cleared once sent: a body may hold a one-time link. */
  text_body: string | null;
  html_body: string | null;
  calendar: string | null;
  created_by: number | null;
  created_at: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** A worker's claim (its random token) and when it lapses. */
  claimed_until: string | null;
  claim: string | null;
  sent_at: string | null;
  failed_at: string | null;
  last_error: string | null;
}

export interface AppSettingsTable {
  key: string;
  value: string;
}

/** The panel's agreed reading of a trait flagged to calibrate, recorded in the debrief (migration 0014). */
export interface DebriefReadingsTable {
  assessment_id: number;
  trait: TraitKey;
  /** A rating on the 1–5 scale. */
  reading: number;
  reason: string;
  recorded_by: number;
  recorded_at: string;
}

/*
 * Change proposals and profile versions (migration 0018). A row of these
 * tables belongs to a role or a skill: exactly one of role_id, skill_id is set.
 */

export type ProfileVersionSource = "library" | "create" | "edit" | "import" | "proposal";

/** A whole version of a role or skill profile, kept as its JSON document. */
export interface ProfileVersionsTable {
  id: Generated<number>;
  role_id: number | null;
  skill_id: number | null;
  version: number;
  /** JSON: the role file (traitkit.role/v1) or the skill profile document of this version. */
  content: string;
  source: ProfileVersionSource;
  proposal_id: number | null;
  made_by: number | null;
  made_at: string;
}

export interface ProposalsTable {
  id: Generated<number>;
  role_id: number | null;
  skill_id: number | null;
  base_version: number;
  title: string;
  rationale: string;
  /** JSON: ProfileChange[] (app/domain/profile-diff.ts) from the base version. */
  changes: string;
  status: ProposalStatus;
  author_id: number;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
  decided_by: number | null;
  decision_reason: string | null;
  applied_version: number | null;
}

export interface ProposalVotesTable {
  proposal_id: number;
  user_id: number;
  value: -1 | 1;
  voted_at: string;
}

export interface ProposalCommentsTable {
  id: Generated<number>;
  proposal_id: number;
  author_id: number;
  /** Emptied when the comment is removed. */
  body: string;
  created_at: string;
  edited_at: string | null;
  removed_at: string | null;
  removed_by: number | null;
}

export type ProposalActivityKind = "proposed" | "updated" | "commented" | "accepted" | "rejected" | "withdrawn";

/** What happened to a proposal: its status history, and what followers of its profile are told. */
export interface ProposalActivityTable {
  id: Generated<number>;
  proposal_id: number;
  role_id: number | null;
  skill_id: number | null;
  actor_id: number;
  kind: ProposalActivityKind;
  comment_id: number | null;
  reason: string | null;
  at: string;
}

export interface ProfileFollowsTable {
  user_id: number;
  role_id: number | null;
  skill_id: number | null;
  followed_at: string;
}

export interface ProposalFeedReadsTable {
  user_id: number;
  last_seen_activity_id: number;
  seen_at: string;
}

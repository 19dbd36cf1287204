import enKits from "./en-kits";
import enRoleForm from "./en-role-form";
import enAssessments, { enAssessmentList } from "./en-assessments";
import enScorecard from "./en-scorecard";
import enCandidates from "./en-candidates";
import enRanking from "./en-ranking";
import enPrivacy from "./en-privacy";
import enReport from "./en-report";
import enReportSelf from "./en-report-self";
import enShared from "./en-shared";
import enRoles from "./en-roles";
import enRole from "./en-role";
import enArchive from "./en-archive";
import enSkills from "./en-skills";
import enInvite from "./en-invite";
import enUsers from "./en-users";
import enAudit from "./en-audit";
import enRoleImport from "./en-role-import";
import enMail from "./en-mail";
import enLoop from "./en-loop";
import enAccount from "./en-account";
import enSelfReport from "./en-self-report";
import enCalibration from "./en-calibration";
import enSuggest from "./en-suggest";
import enProposals from "./en-proposals";
import enLevel from "./en-level";

/** English UI text. Spanish (es.ts) must have the same keys: the type checks it. */
const en = {
  ...enShared,
  roles: enRoles,
  role: enRole,
  archive: enArchive,
  skills: enSkills,
  invite: enInvite,
  users: enUsers,
  audit: enAudit,
  roleImport: enRoleImport,
  roleForm: enRoleForm,
  kits: { ...enShared.kits, ...enKits },
  assessments: enAssessments,
  assessmentList: enAssessmentList,
  scorecard: enScorecard,
  candidates: { ...enShared.candidates, ...enCandidates },
  ranking: enRanking,
  privacy: enPrivacy,
  report: enReport,
  reportSelf: enReportSelf,
  mail: enMail,
  loop: enLoop,
  account: enAccount,
  selfReport: enSelfReport,
  calibration: enCalibration,
  suggest: enSuggest,
  proposals: enProposals,
  level: enLevel,
};

export default en;
export type Messages = typeof en;

import type { Messages } from "./en";
import zhKits from "./zh-kits";
import zhRoleForm from "./zh-role-form";
import zhAssessments, { zhAssessmentList } from "./zh-assessments";
import zhScorecard from "./zh-scorecard";
import zhCandidates from "./zh-candidates";
import zhRanking from "./zh-ranking";
import zhPrivacy from "./zh-privacy";
import zhReport from "./zh-report";
import zhReportSelf from "./zh-report-self";
import zhShared from "./zh-shared";
import zhRoles from "./zh-roles";
import zhRole from "./zh-role";
import zhArchive from "./zh-archive";
import zhSkills from "./zh-skills";
import zhInvite from "./zh-invite";
import zhUsers from "./zh-users";
import zhAudit from "./zh-audit";
import zhRoleImport from "./zh-role-import";
import zhMail from "./zh-mail";
import zhLoop from "./zh-loop";
import zhAccount from "./zh-account";
import zhSelfReport from "./zh-self-report";
import zhCalibration from "./zh-calibration";
import zhSuggest from "./zh-suggest";
import zhProposals from "./zh-proposals";
import zhLevel from "./zh-level";

const zh: Messages = {
  ...zhShared,
  roles: zhRoles,
  role: zhRole,
  archive: zhArchive,
  skills: zhSkills,
  invite: zhInvite,
  users: zhUsers,
  audit: zhAudit,
  roleImport: zhRoleImport,
  roleForm: zhRoleForm,
  kits: { ...zhShared.kits, ...zhKits },
  assessments: zhAssessments,
  assessmentList: zhAssessmentList,
  scorecard: zhScorecard,
  candidates: { ...zhShared.candidates, ...zhCandidates },
  ranking: zhRanking,
  privacy: zhPrivacy,
  report: zhReport,
  reportSelf: zhReportSelf,
  mail: zhMail,
  loop: zhLoop,
  account: zhAccount,
  selfReport: zhSelfReport,
  calibration: zhCalibration,
  suggest: zhSuggest,
  proposals: zhProposals,
  level: zhLevel,
};

export default zh;

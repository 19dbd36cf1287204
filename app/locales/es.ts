import type { Messages } from "./en";
import esKits from "./es-kits";
import esRoleForm from "./es-role-form";
import esAssessments, { esAssessmentList } from "./es-assessments";
import esScorecard from "./es-scorecard";
import esCandidates from "./es-candidates";
import esRanking from "./es-ranking";
import esPrivacy from "./es-privacy";
import esReport from "./es-report";
import esReportSelf from "./es-report-self";
import esShared from "./es-shared";
import esRoles from "./es-roles";
import esRole from "./es-role";
import esArchive from "./es-archive";
import esSkills from "./es-skills";
import esInvite from "./es-invite";
import esUsers from "./es-users";
import esAudit from "./es-audit";
import esRoleImport from "./es-role-import";
import esMail from "./es-mail";
import esLoop from "./es-loop";
import esAccount from "./es-account";
import esSelfReport from "./es-self-report";
import esCalibration from "./es-calibration";
import esSuggest from "./es-suggest";
import esProposals from "./es-proposals";
import esLevel from "./es-level";

const es: Messages = {
  ...esShared,
  roles: esRoles,
  role: esRole,
  archive: esArchive,
  skills: esSkills,
  invite: esInvite,
  users: esUsers,
  audit: esAudit,
  roleImport: esRoleImport,
  roleForm: esRoleForm,
  kits: { ...esShared.kits, ...esKits },
  assessments: esAssessments,
  assessmentList: esAssessmentList,
  scorecard: esScorecard,
  candidates: { ...esShared.candidates, ...esCandidates },
  ranking: esRanking,
  privacy: esPrivacy,
  report: esReport,
  reportSelf: esReportSelf,
  mail: esMail,
  loop: esLoop,
  account: esAccount,
  selfReport: esSelfReport,
  calibration: esCalibration,
  suggest: esSuggest,
  proposals: esProposals,
  level: esLevel,
};

export default es;

/*
 * Every demo data file, listed statically: a folder read breaks once the server
 * is bundled. Add a file here when you add one to seeds/roles or seeds/skills;
 * roles are inserted in this order, then skills.
 */
import mlopsEngineerRole from "./roles/mlops-engineer.json";
import mlEngineerRole from "./roles/ml-engineer.json";
import aiResearcherRole from "./roles/ai-researcher.json";
import dataGovernanceSpecialistRole from "./roles/data-governance-specialist.json";
import platformEngineerRole from "./roles/platform-engineer.json";
import buildEngineerRole from "./roles/build-engineer.json";
import chiefDataOfficerRole from "./roles/chief-data-officer.json";
import dataScientistRole from "./roles/data-scientist.json";
import llmEngineerRole from "./roles/llm-engineer.json";
import nlpEngineerRole from "./roles/nlp-engineer.json";
import computerVisionEngineerRole from "./roles/computer-vision-engineer.json";
import mlflowSkill from "./skills/mlflow.json";
import mlDeploymentSkill from "./skills/ml-deployment.json";

/** A data file as read: validated by the loader, so its content is unknown here. */
export type SeedFile = { readonly file: string; readonly data: unknown };

export const ROLE_FILES: readonly SeedFile[] = [
  { file: "seeds/roles/mlops-engineer.json", data: mlopsEngineerRole },
  { file: "seeds/roles/ml-engineer.json", data: mlEngineerRole },
  { file: "seeds/roles/ai-researcher.json", data: aiResearcherRole },
  { file: "seeds/roles/data-governance-specialist.json", data: dataGovernanceSpecialistRole },
  { file: "seeds/roles/platform-engineer.json", data: platformEngineerRole },
  { file: "seeds/roles/build-engineer.json", data: buildEngineerRole },
  { file: "seeds/roles/chief-data-officer.json", data: chiefDataOfficerRole },
  { file: "seeds/roles/data-scientist.json", data: dataScientistRole },
  { file: "seeds/roles/llm-engineer.json", data: llmEngineerRole },
  { file: "seeds/roles/nlp-engineer.json", data: nlpEngineerRole },
  { file: "seeds/roles/computer-vision-engineer.json", data: computerVisionEngineerRole },
];

export const SKILL_FILES: readonly SeedFile[] = [
  { file: "seeds/skills/mlflow.json", data: mlflowSkill },
  { file: "seeds/skills/ml-deployment.json", data: mlDeploymentSkill },
];

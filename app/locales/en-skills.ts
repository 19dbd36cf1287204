/** English UI text of `skills.*`. Spanish (es-skills.ts) has the same keys: the type checks it. */
const enSkills = {
  title: "Skill profiles",
  intro: "What each role expects of a skill at each level, and whether it is mandatory.",
  empty: "No skill profiles yet: they come with the Traitkit library, which a recruiter adds from the role library.",
  domain: "Domain",
  group: "Group",
  roles: "Roles",
  levels: "Levels",
  mandatoryCount: "Mandatory",
  updated: "Last updated",
  counts: "{{roles}} roles, {{mandatory}} mandatory and {{optional}} optional expectations (counted from the data).",
  columns: { role: "Role", mandatory: "Mandatory", description: "Expectation" },
  yes: "Mandatory",
  no: "Optional",
  sources: "Source documents",
};

export default enSkills;

import { formatIssues, roleFileSchema, type FormattedIssue, type RoleFile } from "../app/schemas/role";
import { skillFileSchema, type SkillFile } from "../app/schemas/skill";
import { ROLE_FILES, SKILL_FILES, type SeedFile } from "./manifest";

/*
 * The Traitkit library: the documents' roles and skill profiles (seeds/roles,
 * seeds/skills). Every deployment gets it (app/models/library.server.ts);
 * the demo adds its fictional people on top.
 */

export type LibraryData = {
  roles: { file: string; role: RoleFile }[];
  skills: { file: string; skill: SkillFile }[];
};

export type SeedFileFailure = { file: string; issues: FormattedIssue[] };

export class SeedValidationError extends Error {
  constructor(readonly failures: SeedFileFailure[]) {
    super(
      [
        "Demo data files are not valid:",
        ...failures.flatMap((failure) => [
          `${failure.file}:`,
          ...failure.issues.map((issue) => `  ${issue.path === "" ? "(file)" : issue.path}: ${issue.message}`),
        ]),
      ].join("\n"),
    );
    this.name = "SeedValidationError";
  }
}

/** Validates every file; throws one SeedValidationError listing every bad file and its issues. */
export function validateDemoFiles(roleFiles: readonly SeedFile[], skillFiles: readonly SeedFile[]): LibraryData {
  const failures: SeedFileFailure[] = [];
  const data: LibraryData = { roles: [], skills: [] };
  for (const { file, data: raw } of roleFiles) {
    const parsed = roleFileSchema.safeParse(raw);
    if (parsed.success) data.roles.push({ file, role: parsed.data });
    else failures.push({ file, issues: formatIssues(parsed.error) });
  }
  for (const { file, data: raw } of skillFiles) {
    const parsed = skillFileSchema.safeParse(raw);
    if (parsed.success) data.skills.push({ file, skill: parsed.data });
    else failures.push({ file, issues: formatIssues(parsed.error) });
  }
  if (failures.length > 0) throw new SeedValidationError(failures);
  return data;
}

/** The library as shipped with this version, validated. */
export function libraryData(): LibraryData {
  return validateDemoFiles(ROLE_FILES, SKILL_FILES);
}

/** English UI text of `roles.*`. Spanish (es-roles.ts) has the same keys: the type checks it. */
const enRoles = {
  newRole: "New role",
  title: "Role library",
  intro: "Role profiles with their ideal OCEAN+ profile, interview questions and career transitions.",
  search: "Search by name or family",
  searchButton: "Search",
  filter: "Ideal profile",
  filterAll: "All roles",
  filterWith: "With an ideal profile",
  filterWithout: "Without an ideal profile yet",
  count_one: "{{count}} role",
  count_other: "{{count}} roles",
  none: "No role matches your search.",
  emptyLibrary: "No roles yet: create one, import one, or add the Traitkit library.",
  addLibrary: "Add the Traitkit library",
  addLibraryHint:
    "The roles, skills matrices and skill profiles of the published documents. Nothing of yours is changed, and you can edit or delete any of them afterwards.",
  emptyLibraryReader: "No roles yet: a recruiter creates them, imports them or adds the Traitkit library.",
  columns: { name: "Role", family: "Family", profile: "Ideal profile", questions: "Questions", transitions: "Transitions" },
  hasProfile: "Yes",
  noProfile: "Not yet",
};

export default enRoles;

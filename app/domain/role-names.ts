/*
 * Telling roles apart by name: two roles may share a name (a recruiter is
 * warned, not stopped), so whatever lists roles must still tell them apart.
 */

/** Two role names a reader would take for one: case and spacing aside. */
export function sameRoleName(a: string, b: string): boolean {
  const fold = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase();
  return fold(a) === fold(b);
}

/** A role as a picker shows it: its name, and its slug too when another role of the list shares the name. */
export function roleChoiceLabel(role: { slug: string; name: string }, roles: readonly { slug: string; name: string }[]): string {
  return roles.some((other) => other.slug !== role.slug && sameRoleName(other.name, role.name)) ? `${role.name} (${role.slug})` : role.name;
}

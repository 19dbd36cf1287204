import { sql, type Expression, type SqlBool } from "kysely";

const LIKE_ESCAPE = "\\";

/** A LIKE pattern that finds `word` anywhere, its wildcards taken literally (escaped with `\`). */
function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Every word is found (case-insensitively) in at least one of `columns`, in
 * any order; true when there are no words. `columns` are the model's own
 * column names, never user input. Words come from searchWords (lower-cased, bounded).
 */
export function everyWordMatches(columns: readonly string[], words: readonly string[]): Expression<SqlBool> {
  if (words.length === 0) return sql<SqlBool>`true`;
  const perWord = words.map((word) => {
    const pattern = containsPattern(word);
    return sql<SqlBool>`(${sql.join(
      columns.map((column) => sql`lower(${sql.ref(column)}) like ${pattern} escape ${LIKE_ESCAPE}`),
      sql` or `,
    )})`;
  });
  return sql<SqlBool>`(${sql.join(perWord, sql` and `)})`;
}

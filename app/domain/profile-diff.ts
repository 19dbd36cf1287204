import { dequal } from "dequal";
import { diffArrays } from "diff";

/*
 * A change to a role or skill profile as a structured diff, and the three-way
 * merge that applies it to a profile changed since (docs/product.md,
 * "Change proposals").
 *
 * A profile is a JSON document (the role file, the skill profile). The diff
 * walks records key by key down to the values that differ, and compares a
 * list item by item (the longest common subsequence of equal items), so a
 * question added or removed is one change, not a shift of every question
 * after it. A change names its place by the record keys leading to it; lists
 * are never entered, so a path never holds an index that another change could
 * move.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * `field`: the value at `path` becomes `after` (a key absent on one side has no
 * `before` or no `after`). `list`: in the list at `path`, the items of the
 * original from index `at` that are `removed` give way to `added`.
 */
export type ProfileChange =
  | { kind: "field"; path: string[]; before?: Json; after?: Json }
  | { kind: "list"; path: string[]; at: number; removed: Json[]; added: Json[] };

/** A place both the proposal and the current profile changed, each differently. */
export type ProfileConflict = {
  /** The path's keys joined with ".": the name of the reviewer's choice in the review form. */
  key: string;
  path: string[];
  kind: "field" | "list";
  base?: Json;
  current?: Json;
  proposed?: Json;
};

export type ConflictChoice = "proposed" | "current";

type JsonRecord = { [key: string]: Json };

function isRecord(value: Json | undefined): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function pathKey(path: readonly string[]): string {
  return path.join(".");
}

/** The changes that turn `before` into `after`: `applyChanges(before, diffProfiles(before, after))` equals `after`. */
export function diffProfiles(before: Json, after: Json): ProfileChange[] {
  const changes: ProfileChange[] = [];
  walk([], before, after, changes);
  return changes;
}

function walk(path: string[], before: Json | undefined, after: Json | undefined, out: ProfileChange[]): void {
  if (dequal(before, after)) return;
  if (isRecord(before) && isRecord(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => !Object.hasOwn(before, key))];
    for (const key of keys) {
      walk([...path, key], Object.hasOwn(before, key) ? before[key] : undefined, Object.hasOwn(after, key) ? after[key] : undefined, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    for (const hunk of listHunks(before, after)) out.push({ kind: "list", path, ...hunk });
    return;
  }
  out.push({ kind: "field", path, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) });
}

type Hunk = { at: number; removed: Json[]; added: Json[] };

/** The runs of items removed and added between two lists, at their index in the first. */
function listHunks(before: Json[], after: Json[]): Hunk[] {
  const hunks: Hunk[] = [];
  let index = 0;
  let open: Hunk | null = null;
  for (const part of diffArrays(before, after, { comparator: (left, right) => dequal(left, right) })) {
    if (!part.added && !part.removed) {
      if (open) hunks.push(open);
      open = null;
      index += part.value.length;
      continue;
    }
    open ??= { at: index, removed: [], added: [] };
    if (part.removed) {
      open.removed.push(...part.value);
      index += part.value.length;
    } else {
      open.added.push(...part.value);
    }
  }
  if (open) hunks.push(open);
  return hunks;
}

/** Thrown when changes do not fit the document they are applied to. */
export class ChangeDoesNotApply extends Error {
  constructor(readonly path: string[]) {
    super(`The change at "${pathKey(path)}" does not apply to this version`);
  }
}

function clone(value: Json): Json {
  return structuredClone(value);
}

function valueAt(doc: Json | undefined, path: readonly string[]): Json | undefined {
  let node = doc;
  for (const key of path) {
    if (!isRecord(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Sets (or, with `value` undefined, removes) the value at a path; a missing or null record on the way is created. */
function setAt(doc: Json, path: readonly string[], value: Json | undefined): Json {
  if (path.length === 0) {
    if (value === undefined) throw new ChangeDoesNotApply([]);
    return value;
  }
  const root = isRecord(doc) ? doc : {};
  let node = root;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (isRecord(next)) node = next;
    else {
      const created: JsonRecord = {};
      node[key] = created;
      node = created;
    }
  }
  const last = path[path.length - 1] as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return root;
}

/**
 * Applies changes to the document they were made from. Strict: a change whose
 * `before` is not what the document holds throws ChangeDoesNotApply (use
 * mergeChanges for a document that may have moved on).
 */
export function applyChanges(base: Json, changes: readonly ProfileChange[]): Json {
  let doc = clone(base);
  for (const change of changes) {
    if (change.kind !== "field") continue;
    if (!dequal(valueAt(doc, change.path), change.before)) throw new ChangeDoesNotApply(change.path);
    doc = setAt(doc, change.path, change.after);
  }
  for (const [, hunks] of listChangesByPath(changes)) {
    const path = (hunks[0] as Hunk & { path: string[] }).path;
    const list = valueAt(doc, path);
    if (!Array.isArray(list)) throw new ChangeDoesNotApply(path);
    doc = setAt(doc, path, spliceHunks(list, hunks, path));
  }
  return doc;
}

function listChangesByPath(changes: readonly ProfileChange[]): Map<string, (Hunk & { path: string[] })[]> {
  const byPath = new Map<string, (Hunk & { path: string[] })[]>();
  for (const change of changes) {
    if (change.kind !== "list") continue;
    const key = pathKey(change.path);
    byPath.set(key, [...(byPath.get(key) ?? []), change]);
  }
  return byPath;
}

/** The list with each hunk applied, last first so earlier indexes hold; each hunk's removed items must be there. */
function spliceHunks(list: Json[], hunks: readonly Hunk[], path: string[]): Json[] {
  const out = [...list];
  for (const hunk of [...hunks].sort((a, b) => b.at - a.at)) {
    if (!dequal(out.slice(hunk.at, hunk.at + hunk.removed.length), hunk.removed)) throw new ChangeDoesNotApply(path);
    out.splice(hunk.at, hunk.removed.length, ...(clone(hunk.added as Json) as Json[]));
  }
  return out;
}

export type MergeResult = {
  /** The current document with every change that does not conflict applied; a conflict's place keeps the current value. */
  merged: Json;
  conflicts: ProfileConflict[];
};

/**
 * Three-way merge: `changes` were made from `base`; the profile is now
 * `current`. A field conflicts when the current profile changed it to a value
 * other than the proposal's; a list conflicts when both changed items at the
 * same place (a change the current profile already has is not a conflict).
 */
export function mergeChanges(base: Json, current: Json, changes: readonly ProfileChange[]): MergeResult {
  let merged = clone(current);
  const conflicts: ProfileConflict[] = [];

  for (const change of changes) {
    if (change.kind !== "field") continue;
    const now = valueAt(current, change.path);
    if (dequal(now, change.after)) continue;
    if (dequal(now, change.before)) {
      merged = setAt(merged, change.path, change.after);
      continue;
    }
    conflicts.push({
      key: pathKey(change.path),
      path: change.path,
      kind: "field",
      ...defined("base", change.before),
      ...defined("current", now),
      ...defined("proposed", change.after),
    });
  }

  for (const [key, hunks] of listChangesByPath(changes)) {
    const path = (hunks[0] as { path: string[] }).path;
    const baseList = valueAt(base, path);
    const currentList = valueAt(current, path);
    if (!Array.isArray(baseList)) throw new ChangeDoesNotApply(path);
    const proposedList = spliceHunks(baseList, hunks, path);
    if (dequal(currentList, proposedList)) continue;
    const rebased = Array.isArray(currentList) ? rebaseHunks(hunks, listHunks(baseList, currentList)) : null;
    if (rebased === null) {
      conflicts.push({ key, path, kind: "list", base: baseList, ...defined("current", currentList), proposed: proposedList });
      continue;
    }
    merged = setAt(merged, path, spliceHunks(currentList as Json[], rebased, path));
  }
  return { merged, conflicts };
}

function defined<K extends string>(name: K, value: Json | undefined): Partial<Record<K, Json>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, Json>);
}

/**
 * The proposal's hunks moved onto the current list, or null when one touches
 * the items (or the place between two items) that a current hunk changed.
 */
function rebaseHunks(proposed: readonly Hunk[], current: readonly Hunk[]): Hunk[] | null {
  const out: Hunk[] = [];
  for (const hunk of proposed) {
    if (current.some((other) => dequal(other, { at: hunk.at, removed: hunk.removed, added: hunk.added }))) continue;
    if (current.some((other) => overlaps(hunk, other))) return null;
    const shift = current
      .filter((other) => other.at + other.removed.length <= hunk.at)
      .reduce((sum, other) => sum + other.added.length - other.removed.length, 0);
    out.push({ ...hunk, at: hunk.at + shift });
  }
  return out;
}

/** Two hunks of one list touch the same items, or insert at the same place. */
function overlaps(a: Hunk, b: Hunk): boolean {
  const aEnd = a.at + a.removed.length;
  const bEnd = b.at + b.removed.length;
  if (a.removed.length === 0 && b.removed.length === 0) return a.at === b.at;
  if (a.removed.length === 0) return a.at > b.at && a.at < bEnd;
  if (b.removed.length === 0) return b.at > a.at && b.at < aEnd;
  return Math.max(a.at, b.at) < Math.min(aEnd, bEnd);
}

/**
 * The merged document with each conflict settled by the reviewer's choice:
 * "proposed" puts the proposal's value there, "current" keeps the current one.
 * Returns the conflicts left without a choice (nothing is applied then).
 */
export function resolveConflicts(
  merge: MergeResult,
  choices: Readonly<Record<string, ConflictChoice | undefined>>,
): { resolved: Json; unresolved: [] } | { resolved: null; unresolved: ProfileConflict[] } {
  const unresolved = merge.conflicts.filter((conflict) => choices[conflict.key] === undefined);
  if (unresolved.length > 0) return { resolved: null, unresolved };
  let doc = clone(merge.merged);
  for (const conflict of merge.conflicts) {
    if (choices[conflict.key] === "proposed") doc = setAt(doc, conflict.path, conflict.proposed);
  }
  return { resolved: doc, unresolved: [] };
}

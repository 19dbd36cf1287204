/*
 * Blind scoring (docs/product.md): an interviewer's judgement stays their own until
 * their scorecard is in. Two things would anchor it: the panel's result, and the
 * ideal bands the candidate is measured against. Recruiters set both up and
 * always see them.
 */
import type { UserRole } from "./accounts";

export type ScorecardStatus = "not_started" | "draft" | "submitted";

/** The panel of an assessment: a recruiter, or an interviewer whose own scorecard on it is submitted. */
export function maySeePanel(role: UserRole, ownStatus: ScorecardStatus | null): boolean {
  return role === "recruiter" || ownStatus === "submitted";
}

/**
 * A kit's ideal bands (or a role's, on the role page): a recruiter always; an
 * interviewer only once they have submitted a scorecard on an assessment using
 * the kit (or a kit of the role) and have none left to submit on it. An interviewer not yet on any such panel does not see them
 * either: they may be put on one tomorrow, and what they read today would anchor it.
 */
export function maySeeIdealBands(role: UserRole, ownStatusesOnKit: readonly ScorecardStatus[]): boolean {
  if (role === "recruiter") return true;
  return ownStatusesOnKit.length > 0 && ownStatusesOnKit.every((status) => status === "submitted");
}

/** Where a role profile document keeps its ideal bands (the role file's `idealProfile`). */
export const IDEAL_BANDS_KEY = "idealProfile";

/**
 * A change to a role profile as a member may read it: an interviewer who may
 * not see the role's ideal bands (maySeeIdealBands) reads every change but
 * those to the bands, and how many those are. Proposals and a profile's
 * history show the same bands the role page hides.
 */
export function changesShownTo<C extends { path: readonly string[] }>(
  changes: readonly C[],
  bandsHidden: boolean,
): { shown: C[]; hiddenBandChanges: number } {
  if (!bandsHidden) return { shown: [...changes], hiddenBandChanges: 0 };
  const shown = changes.filter((change) => change.path[0] !== IDEAL_BANDS_KEY);
  return { shown, hiddenBandChanges: changes.length - shown.length };
}

import type { UserRole } from "./accounts";

/*
 * The rules of change proposals (docs/product.md, "Change proposals"): who may
 * do what to a proposal and its comments, and how votes are counted.
 */

export const PROPOSAL_STATUSES = ["open", "accepted", "rejected", "withdrawn"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export function isProposalStatus(value: string): value is ProposalStatus {
  return PROPOSAL_STATUSES.some((status) => status === value);
}

/** A vote is +1 or −1; 0 withdraws it. One per member and proposal. */
export const VOTE_VALUES = [1, -1, 0] as const;
export type VoteValue = (typeof VOTE_VALUES)[number];

/** A comment's author may edit it for this long after writing it. */
export const COMMENT_EDIT_MINUTES = 15;

/** Every member (interviewers and recruiters) proposes, comments, votes and follows. */
export function mayTakePart(role: UserRole): boolean {
  return role === "recruiter" || role === "interviewer";
}

/** Only recruiters accept or reject a proposal. */
export function mayReview(role: UserRole): boolean {
  return role === "recruiter";
}

/** Votes and comments are taken, and a decision made, only while the proposal is open. */
export function isOpen(status: ProposalStatus): boolean {
  return status === "open";
}

/** The author withdraws (or updates) their own proposal while it is open. */
export function mayWithdraw(proposal: { status: ProposalStatus; authorId: number }, userId: number): boolean {
  return isOpen(proposal.status) && proposal.authorId === userId;
}

type CommentState = { authorId: number; createdAt: string; removedAt: string | null };

/** The author edits a comment within COMMENT_EDIT_MINUTES of writing it, while it is not removed. */
export function mayEditComment(comment: CommentState, userId: number, now: Date): boolean {
  if (comment.removedAt !== null || comment.authorId !== userId) return false;
  return now.getTime() - Date.parse(comment.createdAt) <= COMMENT_EDIT_MINUTES * 60_000;
}

/** The author or a recruiter removes a comment; "comment removed" stays in its place. */
export function mayRemoveComment(comment: CommentState, user: { id: number; role: UserRole }): boolean {
  return comment.removedAt === null && (comment.authorId === user.id || user.role === "recruiter");
}

export type VoteTally = { up: number; down: number; score: number };

export function voteTally(votes: readonly { value: number }[]): VoteTally {
  const up = votes.filter((vote) => vote.value > 0).length;
  const down = votes.filter((vote) => vote.value < 0).length;
  return { up, down, score: up - down };
}

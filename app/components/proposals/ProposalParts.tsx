import { Form } from "@remix-run/react";
import type { Json } from "~/domain/profile-diff";
import type { ProposalStatus } from "~/domain/proposals";
import { ErrorText } from "./ErrorText";
import { useFormatDate } from "~/utils/dates";
import { useTranslation } from "~/utils/use-translation";
import { pathInWords, valueInWords, type Reading } from "./ProfileDiff";

/*
 * The parts of a proposal's page (issue 22) a member acts on: votes, comments,
 * the recruiters' review and the author's own actions. Each act is a small
 * form of its own that posts its `intent` to the page, so every one works
 * without JavaScript.
 */

type Errors = Readonly<Record<string, string>>;
type Values = Readonly<Record<string, string>>;

function IntentField({ intent }: { intent: string }) {
  return <input type="hidden" name="intent" value={intent} />;
}

export function StatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return <span className={`badge proposal-status proposal-status-${status}`}>{t(`proposals.status.${status}`)}</span>;
}

export type VoteView = { userId: number; name: string; value: number };

/** The tally, who voted how, and the member's own vote as buttons (+1, −1, withdraw) while the proposal is open. */
export function VoteBox({ votes, userId, open, error }: { votes: readonly VoteView[]; userId: number; open: boolean; error?: string }) {
  const { t } = useTranslation();
  const up = votes.filter((vote) => vote.value > 0).length;
  const down = votes.filter((vote) => vote.value < 0).length;
  const own = votes.find((vote) => vote.userId === userId)?.value ?? 0;
  const voteButton = (value: 1 | -1, label: string, text: string) => (
    <Form method="post" className="inline-form">
      <IntentField intent="vote" />
      <input type="hidden" name="value" value={String(value)} />
      <button type="submit" className={own === value ? undefined : "button-secondary"} aria-pressed={own === value} aria-label={label}>
        {text}
      </button>
    </Form>
  );
  return (
    <section aria-labelledby="votes-title" className="proposal-votes">
      <h2 id="votes-title">{t("proposals.votes.title")}</h2>
      <p className="vote-tally">{t("proposals.votes.tally", { up, down, score: up - down })}</p>
      {votes.length > 0 && (
        <p className="muted">
          {t("proposals.votes.voters")}
          {t("app.colon")}
          {votes.map((vote) => `${vote.name} (${vote.value > 0 ? "+1" : "−1"})`).join(t("app.listSeparator"))}
        </p>
      )}
      {open && (
        <>
          <p>{own === 0 ? t("proposals.votes.yoursNone") : t("proposals.votes.yours", { vote: own > 0 ? "+1" : "−1" })}</p>
          <div className="actions">
            {voteButton(1, t("proposals.votes.upLabel"), t("proposals.votes.up"))}
            {voteButton(-1, t("proposals.votes.downLabel"), t("proposals.votes.down"))}
            {own !== 0 && (
              <Form method="post" className="inline-form">
                <IntentField intent="vote" />
                <input type="hidden" name="value" value="0" />
                <button type="submit" className="button-secondary">
                  {t("proposals.votes.withdraw")}
                </button>
              </Form>
            )}
          </div>
        </>
      )}
      <ErrorText id="vote-error" error={error} />
    </section>
  );
}

export type CommentView = {
  id: number;
  authorName: string;
  body: string;
  createdAt: string;
  edited: boolean;
  removed: boolean;
  mayEdit: boolean;
  mayRemove: boolean;
};

function CommentTextarea({
  id,
  name,
  label,
  defaultValue,
  error,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="field-hint">
        {t("proposals.comments.bodyHint")}
      </p>
      <textarea
        id={id}
        name={name}
        rows={4}
        maxLength={4000}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
      />
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

/**
 * The comments in the order written, as plain text with their line breaks;
 * a removed one leaves "Comment removed". The author edits theirs within the
 * edit window; the author or a recruiter removes one.
 */
export function Comments({
  comments,
  open,
  errors,
  values,
  editing,
}: {
  comments: readonly CommentView[];
  open: boolean;
  errors: Errors;
  values: Values;
  /** The comment whose edit was refused, to show its form again with the error. */
  editing: number | null;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <section aria-labelledby="comments-title" className="proposal-comments">
      <h2 id="comments-title">{t("proposals.comments.title")}</h2>
      {comments.length === 0 ? (
        <p className="muted">{t("proposals.comments.none")}</p>
      ) : (
        <ol className="comment-list">
          {comments.map((comment) => (
            <li key={comment.id} id={`comment-${comment.id}`} className="comment">
              <p className="comment-meta">
                <strong>{comment.authorName}</strong>, <span className="muted">{formatDate(comment.createdAt, "dateTime")}</span>
                {comment.edited && !comment.removed && <span className="muted"> · {t("proposals.comments.edited")}</span>}
              </p>
              {comment.removed ? (
                <p className="muted comment-removed">{t("proposals.comments.removed")}</p>
              ) : (
                <p className="plain-text">{comment.body}</p>
              )}
              {comment.mayEdit && (
                // Keyed by the text: a saved edit closes the form (with JavaScript the page is not reloaded).
                <details key={comment.body} open={editing === comment.id}>
                  <summary>{t("proposals.comments.edit")}</summary>
                  <Form method="post">
                    <IntentField intent="edit-comment" />
                    <input type="hidden" name="commentId" value={comment.id} />
                    <CommentTextarea
                      id={`comment-edit-${comment.id}`}
                      name="body"
                      label={t("proposals.comments.editLabel")}
                      defaultValue={editing === comment.id ? (values.body ?? comment.body) : comment.body}
                      error={editing === comment.id ? errors.body : undefined}
                    />
                    <button type="submit">{t("proposals.comments.save")}</button>
                  </Form>
                </details>
              )}
              {comment.mayRemove && (
                <Form method="post" className="inline-form">
                  <IntentField intent="remove-comment" />
                  <input type="hidden" name="commentId" value={comment.id} />
                  <button type="submit" className="button-secondary">
                    {t("proposals.comments.remove")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ol>
      )}
      {open && (
        // Keyed by the count: once a comment is added, the form comes back empty (with JavaScript the page is not reloaded).
        <Form method="post" className="comment-form" key={comments.length}>
          <h3>{t("proposals.comments.add")}</h3>
          <IntentField intent="comment" />
          <CommentTextarea
            id="comment-body"
            name="body"
            label={t("proposals.comments.body")}
            defaultValue={editing === null ? (values.body ?? "") : ""}
            error={editing === null ? errors.body : undefined}
          />
          <button type="submit">{t("proposals.comments.send")}</button>
        </Form>
      )}
    </section>
  );
}

export type ConflictView = { key: string; path: string[]; base: Json | null; current: Json | null; proposed: Json | null };

/**
 * Accept (with an optional note) or reject (with a reason), for a recruiter
 * while the proposal is open. When the profile changed since the proposal's
 * base version, each field both changed asks which value to keep.
 */
export function ReviewPanel({
  conflicts,
  baseVersion,
  currentVersion,
  errors,
  values,
  issues,
}: {
  conflicts: readonly ConflictView[];
  baseVersion: number;
  currentVersion: number;
  errors: Errors;
  values: Values;
  issues: readonly { path: string; message: string }[];
}) {
  const { t, i18n } = useTranslation();
  const reading: Reading = { t, language: i18n.language, roleNames: {} };
  const shown = (value: Json | null) => valueInWords(value, reading);
  return (
    <section aria-labelledby="review-title" className="proposal-review">
      <h2 id="review-title">{t("proposals.review.title")}</h2>
      <Form method="post" className="review-form">
        <IntentField intent="accept" />
        {conflicts.length > 0 && (
          <div className="conflicts">
            <h3>{t("proposals.review.conflictsTitle", { base: baseVersion, current: currentVersion })}</h3>
            <p>{t("proposals.review.conflictsIntro")}</p>
            {conflicts.map((conflict) => {
              const name = `resolve:${conflict.key}`;
              const id = `resolve-${conflict.key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
              const error = errors[name];
              return (
                <fieldset key={conflict.key} className="conflict" aria-describedby={error ? `${id}-error` : undefined}>
                  <legend>{pathInWords(conflict.path, t)}</legend>
                  <dl className="conflict-values">
                    <dt>{t("proposals.review.base", { version: baseVersion })}</dt>
                    <dd className="plain-text">{shown(conflict.base)}</dd>
                    <dt>{t("proposals.review.currentValue")}</dt>
                    <dd className="plain-text">{shown(conflict.current)}</dd>
                    <dt>{t("proposals.review.proposed")}</dt>
                    <dd className="plain-text">{shown(conflict.proposed)}</dd>
                  </dl>
                  {(["proposed", "current"] as const).map((choice) => (
                    <div className="checkbox" key={choice}>
                      <input
                        type="radio"
                        id={`${id}-${choice}`}
                        name={name}
                        value={choice}
                        required
                        defaultChecked={values[name] === choice}
                      />
                      <label htmlFor={`${id}-${choice}`}>
                        {t(choice === "proposed" ? "proposals.review.keepProposed" : "proposals.review.keepCurrent")}
                      </label>
                    </div>
                  ))}
                  <ErrorText id={`${id}-error`} error={error} />
                </fieldset>
              );
            })}
          </div>
        )}
        {issues.length > 0 && (
          <ul className="field-error">
            {issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                {issue.path}: {issue.message}
              </li>
            ))}
          </ul>
        )}
        <div className="field">
          <label htmlFor="accept-note">{t("proposals.review.note")}</label>
          <textarea
            id="accept-note"
            name="note"
            rows={2}
            maxLength={2000}
            defaultValue={values.note ?? ""}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={errors.note ? "accept-note-error" : undefined}
          />
          <ErrorText id="accept-note-error" error={errors.note} />
        </div>
        <button type="submit">{t("proposals.review.accept")}</button>
      </Form>
      <Form method="post" className="review-form">
        <IntentField intent="reject" />
        <div className="field">
          <label htmlFor="reject-reason">{t("proposals.review.reason")}</label>
          <p id="reject-reason-hint" className="field-hint">
            {t("proposals.review.reasonHint")}
          </p>
          <textarea
            id="reject-reason"
            name="reason"
            rows={3}
            maxLength={2000}
            defaultValue={values.reason ?? ""}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={["reject-reason-hint", errors.reason ? "reject-reason-error" : null].filter(Boolean).join(" ")}
          />
          <ErrorText id="reject-reason-error" error={errors.reason} />
        </div>
        <button type="submit" className="button-secondary">
          {t("proposals.review.reject")}
        </button>
      </Form>
    </section>
  );
}

export type HistoryEntryView = {
  kind: "proposed" | "updated" | "commented" | "accepted" | "rejected" | "withdrawn";
  actorName: string;
  at: string;
  reason: string | null;
};

/** Every status change of the proposal: who, when, and the reason given. */
export function StatusHistory({ entries }: { entries: readonly HistoryEntryView[] }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t("proposals.history.title")}</h2>
      <ol className="status-history">
        {entries.map((entry, index) => (
          <li key={index}>
            {t(`proposals.history.${entry.kind}`, { actor: entry.actorName })},{" "}
            <span className="muted">{formatDate(entry.at, "dateTime")}</span>
            {entry.reason !== null && (
              <p className="plain-text">
                {entry.kind === "accepted"
                  ? t("proposals.history.note", { note: entry.reason })
                  : t("proposals.history.reason", { reason: entry.reason })}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

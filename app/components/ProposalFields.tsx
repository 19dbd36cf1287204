import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { CharacterCount } from "~/components/CharacterCount";
import { isProposalMessageKey, PROPOSAL_RATIONALE_MAX, PROPOSAL_TITLE_MAX } from "~/schemas/proposal-form";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/suggest";

export type ProposalFieldValues = { title: string; rationale: string };

function messageOf(error: string | undefined) {
  return error !== undefined && isProposalMessageKey(error) ? error : undefined;
}

/**
 * A proposal's title and rationale ("Why"), at the top of the profile form it
 * changes: plain fields, posted with the form, counted as typed, each with the
 * server's error beside it.
 */
export function ProposalFields(props: {
  defaultValues: ProposalFieldValues;
  /** The form's errors by field name; the title's and the rationale's are shown here. */
  errors: Record<string, string> | undefined;
}) {
  const { t } = useTranslation();
  const [titleLength, setTitleLength] = useState(props.defaultValues.title.length);
  const [rationaleLength, setRationaleLength] = useState(props.defaultValues.rationale.length);
  const titleError = messageOf(props.errors?.title);
  const rationaleError = messageOf(props.errors?.rationale);
  return (
    <fieldset className="form-section">
      <legend>{t("suggest.fields.legend")}</legend>
      <div className="field">
        <label htmlFor="f-title">{t("suggest.fields.title")}</label>
        <p className="field-hint" id="f-title-hint">
          {t("suggest.fields.titleHint")}
        </p>
        <input
          id="f-title"
          name="title"
          type="text"
          defaultValue={props.defaultValues.title}
          onChange={(event) => setTitleLength(event.currentTarget.value.length)}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={["f-title-hint", "f-title-count", titleError ? "f-title-error" : null].filter(Boolean).join(" ")}
        />
        <CharacterCount id="f-title-count" length={titleLength} max={PROPOSAL_TITLE_MAX} />
        {titleError && (
          <p id="f-title-error" className="field-error">
            {t(`suggest.errors.${titleError}`)}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="f-rationale">{t("suggest.fields.rationale")}</label>
        <p className="field-hint" id="f-rationale-hint">
          {t("suggest.fields.rationaleHint")}
        </p>
        <textarea
          id="f-rationale"
          name="rationale"
          rows={5}
          defaultValue={props.defaultValues.rationale}
          onChange={(event) => setRationaleLength(event.currentTarget.value.length)}
          aria-invalid={rationaleError ? true : undefined}
          aria-describedby={["f-rationale-hint", "f-rationale-count", rationaleError ? "f-rationale-error" : null]
            .filter(Boolean)
            .join(" ")}
        />
        <CharacterCount id="f-rationale-count" length={rationaleLength} max={PROPOSAL_RATIONALE_MAX} />
        {rationaleError && (
          <p id="f-rationale-error" className="field-error">
            {t(`suggest.errors.${rationaleError}`)}
          </p>
        )}
      </div>
    </fieldset>
  );
}

/** "Your proposal changes nothing yet", above the form. */
export function NoChangeAlert() {
  const { t } = useTranslation();
  return (
    <div className="alert" role="alert">
      <p>
        <strong>{t("suggest.errors.noChange")}</strong>
      </p>
      <p>{t("suggest.errors.noChangeHow")}</p>
    </div>
  );
}

/**
 * What a role or skill page says of its proposals, near its title: "n open
 * proposals" (to the list, filtered to the profile) or "No proposals yet for
 * <name>", and the member's ways in: suggest a change, the history, follow or
 * unfollow (a plain POST to /follows, back to the page), and for recruiters on
 * a skill its editor (`editPath`).
 */
export function ProfileProposalsBar(props: {
  kind: "role" | "skill";
  slug: string;
  name: string;
  openCount: number;
  following: boolean;
  editPath?: string;
}) {
  const { t } = useTranslation();
  const base = `/${props.kind}s/${props.slug}`;
  return (
    <div className="profile-proposals">
      <p data-testid="open-proposals">
        {props.openCount > 0 ? (
          <Link to={`/proposals?${props.kind}=${encodeURIComponent(props.slug)}`}>
            {t("suggest.page.openCount", { count: props.openCount })}
          </Link>
        ) : (
          t("suggest.page.none", { name: props.name })
        )}
      </p>
      <div className="actions">
        {props.editPath && (
          <Link className="button" to={props.editPath}>
            {t("suggest.page.edit")}
          </Link>
        )}
        <Link className="button button-secondary" to={`${base}/propose`}>
          {t("suggest.page.suggest")}
        </Link>
        <Link className="button button-secondary" to={`${base}/history`}>
          {t("suggest.page.history")}
        </Link>
        <Form method="post" action="/follows" className="inline-form">
          <input type="hidden" name="kind" value={props.kind} />
          <input type="hidden" name="slug" value={props.slug} />
          <input type="hidden" name="follow" value={props.following ? "0" : "1"} />
          <button
            type="submit"
            className="button-secondary"
            aria-label={t(props.following ? "suggest.page.unfollowLabel" : "suggest.page.followLabel", { name: props.name })}
          >
            {t(props.following ? "suggest.page.unfollow" : "suggest.page.follow")}
          </button>
        </Form>
      </div>
    </div>
  );
}

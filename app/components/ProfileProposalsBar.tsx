import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/suggest";

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

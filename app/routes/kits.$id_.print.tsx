import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { IdealProfileTable } from "~/components/IdealProfileTable";
import { ExpectationsTable, TraitNames } from "~/components/KitContent";
import { ShownText } from "~/components/ShownText";
import { getKitVersion } from "~/models/kit-views.server";
import { ownScorecardStatusesOn } from "~/models/scorecards.server";
import { maySeeIdealBands } from "~/domain/blind";
import { ANCHOR_RATINGS } from "~/domain/anchors";
import { kitVersionParam } from "~/schemas/kit";
import kitStyles from "~/styles/kits.css?url";
import printStyles from "~/styles/print.css?url";
import { notFound, requireUser } from "~/http/auth.server";
import { parseRecordId } from "~/schemas/ids";
import { getLanguage } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { useHydrated } from "~/utils/use-hydrated";
import "~/locales/kits";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  // The title is the PDF's default file name and its document title.
  { title: data ? `${data.version.name} — v${data.version.version}` : notFoundTitle(matches) },
];

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: kitStyles },
  { rel: "stylesheet", href: printStyles },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const id = parseRecordId(params.id);
  if (id === undefined) throw notFound();
  const rawVersion = new URL(request.url).searchParams.get("version");
  const version = rawVersion === null ? null : kitVersionParam.safeParse(rawVersion);
  if (version !== null && !version.success) throw notFound();
  const found = await getKitVersion(context.db, id, version === null ? null : version.data, await getLanguage(request, context));
  if (!found) throw notFound();
  // Blind scoring: the sheet an interviewer takes into the room holds no band they may not see yet.
  const bandsHidden = !maySeeIdealBands(
    user.role,
    user.role === "recruiter" ? [] : await ownScorecardStatusesOn(context.db, user.id, { kitId: id }),
  );
  return { kitId: id, version: bandsHidden ? { ...found, idealProfile: null } : found, bandsHidden };
}

const RECOMMENDATIONS = ["strong_no", "no", "yes", "strong_yes"] as const;

function Box() {
  return <span className="print-box" aria-hidden="true" />;
}

export default function KitPrintPage() {
  const { kitId, version, bandsHidden } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const level = t(`levels.${version.level}`);
  return (
    <article className="kit-print">
      <div className="print-toolbar">
        <Link to={`/kits/${kitId}`}>{t("kits.print.back")}</Link>
        {hydrated && (
          <button type="button" onClick={() => window.print()}>
            {t("kits.print.printButton")}
          </button>
        )}
      </div>

      <header className="print-header">
        <p className="print-kicker">{t("kits.print.title")}</p>
        <h1>{version.name}</h1>
        <p className="print-version">{t("kits.print.versionLine", { role: version.roleName, level, version: version.version })}</p>
        <dl className="print-fields">
          <div>
            <dt>{t("kits.print.candidate")}</dt>
            <dd />
          </div>
          <div>
            <dt>{t("kits.print.interviewer")}</dt>
            <dd />
          </div>
          <div>
            <dt>{t("kits.print.date")}</dt>
            <dd />
          </div>
        </dl>
        <p className="print-scale">{t("kits.print.scale")}</p>
      </header>

      <section aria-labelledby="print-questions">
        <h2 id="print-questions">{t("kits.content.questions")}</h2>
        <ol className="print-questions">
          {version.questions.map((q, index) => (
            <li key={q.id} className="print-question">
              <h3>
                <span className="print-number">{index + 1}.</span> <ShownText value={q.text} />
              </h3>
              <p className="print-evaluates">
                {t("kits.content.evaluates")}
                {t("app.colon")}
                <TraitNames traits={q.traits} />
              </p>
              <table className="print-anchors">
                <thead>
                  <tr>
                    <th scope="col">{t("kits.content.columns.trait")}</th>
                    <th scope="col">{t("kits.content.rating", { rating: 1 })}</th>
                    <th scope="col">{t("kits.content.rating", { rating: 3 })}</th>
                    <th scope="col">{t("kits.content.rating", { rating: 5 })}</th>
                    <th scope="col" className="print-rating-col">
                      {t("kits.print.rating")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {q.anchors.map((group) => (
                    <tr key={group.trait}>
                      <th scope="row">{t(`traits.${group.trait}`)}</th>
                      {ANCHOR_RATINGS.map((rating) => {
                        const anchor = group.ratings.find((a) => a.rating === rating);
                        return <td key={rating}>{anchor ? <ShownText value={anchor.text} /> : "—"}</td>;
                      })}
                      <td className="print-rating-col" />
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="print-notes">
                <p>{t("kits.print.notes")}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <div className="print-columns">
        <section aria-labelledby="print-strengths">
          <h2 id="print-strengths">{t("kits.content.strengths")}</h2>
          {version.strengths.length === 0 ? (
            <p className="muted">{t("kits.content.noStrengths")}</p>
          ) : (
            <ul className="print-checklist">
              {version.strengths.map((s, i) => (
                <li key={i}>
                  <Box /> <ShownText value={s} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="print-red-flags">
          <h2 id="print-red-flags">{t("kits.content.redFlags")}</h2>
          {version.redFlags.length === 0 ? (
            <p className="muted">{t("kits.content.noRedFlags")}</p>
          ) : (
            <ul className="print-checklist">
              {version.redFlags.map((s, i) => (
                <li key={i}>
                  <Box /> <ShownText value={s} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="print-recommendation" className="print-recommendation">
        <h2 id="print-recommendation">{t("kits.print.recommendation")}</h2>
        <ul className="print-options">
          {RECOMMENDATIONS.map((r) => (
            <li key={r}>
              <Box /> {t(`kits.print.recommendations.${r}`)}
            </li>
          ))}
        </ul>
        <div className="print-notes">
          <p>{t("kits.print.notes")}</p>
        </div>
      </section>

      <section aria-labelledby="print-expectations" className="print-appendix">
        <h2 id="print-expectations">{t("kits.content.expectations", { level })}</h2>
        {version.expectations.length === 0 ? (
          <p className="muted">{t("kits.content.noExpectations")}</p>
        ) : (
          <ExpectationsTable expectations={version.expectations} caption={t("kits.content.expectations", { level })} />
        )}
      </section>

      <section aria-labelledby="print-profile">
        <h2 id="print-profile">{t("kits.content.idealProfile")}</h2>
        {bandsHidden ? (
          <p className="note" data-testid="bands-hidden">
            {t("kits.content.idealProfileHidden")}
          </p>
        ) : version.idealProfile === null ? (
          <p className="note">{t("kits.content.noIdealProfile")}</p>
        ) : (
          <IdealProfileTable
            profile={version.idealProfile}
            caption={t("kits.content.idealProfile")}
            captionHidden
            testId="kit-ideal-profile"
          />
        )}
      </section>
    </article>
  );
}

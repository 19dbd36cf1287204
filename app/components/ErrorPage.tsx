import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";

export type ErrorKind = "notFound" | "refused" | "error";

/** What a page that cannot be shown says: the same words for an unknown address and a record the user may not see. */
export function ErrorPage({ kind }: { kind: ErrorKind }) {
  const { t } = useTranslation();
  return (
    <section className="error-page">
      <h1>{t(`app.${kind}.title`)}</h1>
      <p>{t(`app.${kind}.body`)}</p>
      <p>
        <Link to="/roles">{t("app.nav.roles")}</Link>
      </p>
    </section>
  );
}

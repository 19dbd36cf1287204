import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import appStyles from "~/styles/app.css?url";
import { FALLBACK_LANGUAGE, UI_LANGUAGES } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18n.server";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Pages set their own titles; this one is for the error pages. */
export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: "Traitkit" }];
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return [{ title: notFound ? "Not found · Traitkit" : "Error · Traitkit" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  return { lang: await getLanguage(request) };
}

function LanguageSwitch({ lang }: { lang: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-switch">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label htmlFor="language-select">{t("app.language.label")}</label>
      <select id="language-select" name="lng" defaultValue={lang} key={lang}>
        {UI_LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {t(`app.language.${code}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="button-secondary">
        {t("app.language.switch")}
      </button>
    </Form>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const lang = data?.lang ?? FALLBACK_LANGUAGE;
  const { t, i18n } = useTranslation();
  const nonce = useNonce();
  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [i18n, lang]);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <header className="site-header">
          <Link to="/roles" className="brand">
            {t("app.name")}
          </Link>
          <nav aria-label={t("app.nav.main")}>
            <NavLink to="/roles">{t("app.nav.roles")}</NavLink>
            <NavLink to="/skills">{t("app.nav.skills")}</NavLink>
          </nav>
          <LanguageSwitch lang={lang} />
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <section className="error-page">
      <h1>{notFound ? t("app.notFound.title") : t("app.error.title")}</h1>
      <p>{notFound ? t("app.notFound.body") : t("app.error.body")}</p>
      <p>
        <Link to="/roles">{t("app.nav.roles")}</Link>
      </p>
    </section>
  );
}

import type { UserRole } from "~/domain/accounts";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
  useSubmit,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "~/utils/use-translation";
import appStyles from "~/styles/app.css?url";
import { UI_LANGUAGES } from "~/utils/i18n";
import { getUser } from "~/http/auth.server";
import { unreadActivityCount } from "~/models/follows.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { useNonce } from "~/utils/nonce";
import { useHydrated } from "~/utils/use-hydrated";
import { ErrorPage } from "~/components/ErrorPage";
import { PlainLink, useLinkNavigation } from "~/components/PlainLink";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/**
 * Pages set their own titles; this one is for the error pages, in the
 * request's language (English when the root's own loader failed).
 */
export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!error) return [{ title: "Traitkit" }];
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return [{ title: notFound ? (data?.titles.notFound ?? "Not found · Traitkit") : (data?.titles.error ?? "Error · Traitkit") }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  const { language, t } = await getTranslator(request, context);
  return {
    lang: language,
    user: user ? { name: user.name, role: user.role } : null,
    // The menu's count of what happened on what the member follows since their last visit to /proposals.
    unreadProposals: user ? await unreadActivityCount(context.db, user.id) : 0,
    // The titles of the error pages, and of a page whose loader failed (see notFoundTitle in utils/i18n.ts).
    titles: { notFound: pageTitle(t, t("app.notFound.title")), error: pageTitle(t, t("app.error.pageTitle")) },
  };
}

function UserMenu({ user }: { user: { name: string; role: UserRole } }) {
  const { t } = useTranslation();
  return (
    <div className="user-menu">
      <PlainLink to="/settings/account" className="muted">
        {t("auth.signedInAs", { name: user.name, role: t(`auth.roleNames.${user.role}`) })}
      </PlainLink>
      <Form method="post" action="/logout">
        <button type="submit" className="button-secondary">
          {t("auth.signOut")}
        </button>
      </Form>
    </div>
  );
}

/**
 * With JavaScript the page switches as soon as a language is chosen, and the
 * select says so beforehand (WCAG 3.2.2); without it the button sends the form.
 */
function LanguageSwitch({ lang }: { lang: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const submit = useSubmit();
  const hydrated = useHydrated();
  return (
    <Form method="post" action="/language" className="language-switch">
      {/* The path alone: the query string comes back through the Referer (routes/language.tsx), never repeated in the page. */}
      <input type="hidden" name="redirectTo" value={location.pathname} />
      <label htmlFor="language-select">{t("app.language.label")}</label>
      <select
        id="language-select"
        name="lng"
        defaultValue={lang}
        key={lang}
        aria-describedby={hydrated ? "language-hint" : undefined}
        onChange={(event) => submit(event.currentTarget.form)}
      >
        {UI_LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {t(`app.language.${code}`)}
          </option>
        ))}
      </select>
      {hydrated && (
        <span id="language-hint" className="visually-hidden">
          {t("app.language.hint")}
        </span>
      )}
      <button type="submit" className="button-secondary no-js-only">
        {t("app.language.switch")}
      </button>
    </Form>
  );
}

/** A menu entry: marked as the current page on it and on the pages under it. */
function MenuLink({ to, pathname, children }: { to: `/${string}`; pathname: string; children: ReactNode }) {
  const current = pathname === to || pathname.startsWith(`${to}/`);
  return (
    <PlainLink to={to} className={current ? "active" : undefined} aria-current={current ? "page" : undefined}>
      {children}
    </PlainLink>
  );
}

/** "Proposals" with its unread count as a badge; a screen reader hears "Proposals, 3 unread". */
function ProposalsMenuLabel({ unread }: { unread: number }) {
  const { t } = useTranslation();
  if (unread === 0) return <>{t("app.nav.proposals")}</>;
  return (
    <>
      <span aria-hidden="true">
        {t("app.nav.proposals")} <span className="nav-badge">{unread}</span>
      </span>
      <span className="visually-hidden">{t("app.nav.proposalsUnread", { count: unread })}</span>
    </>
  );
}

/**
 * A route whose page has a language of its own, not the reader's (the
 * candidate's report, in the language it was published in), says so with
 * `handle = { ownLanguage: true }`: the language switch would change only the
 * frame around it, so it is left out.
 */
export type RouteHandle = { ownLanguage?: boolean };

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, i18n } = useTranslation();
  // Without the root's data (its loader failed), the language the server rendered in stands.
  const lang = data?.lang ?? i18n.language;
  const user = data?.user ?? null;
  const nonce = useNonce();
  const { pathname } = useLocation();
  const linkNavigation = useLinkNavigation();
  const ownLanguage = useMatches().some((match) => (match.handle as RouteHandle | undefined)?.ownLanguage === true);
  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [i18n, lang]);
  useEffect(() => {
    // Controls that need JavaScript (add, remove, drag) show only once it runs.
    document.documentElement.classList.add("js");
  }, []);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {/* One description for every page, error pages too: a route's meta replaces its parents', so it lives here. */}
        <meta name="description" content={t("app.description")} />
        <Links />
      </head>
      <body onClick={linkNavigation}>
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <header className="site-header">
          {user ? (
            <PlainLink to="/roles" className="brand">
              {t("app.name")}
            </PlainLink>
          ) : (
            // Signed out (a candidate with a report link, someone signing in) the library is out of reach.
            <span className="brand">{t("app.name")}</span>
          )}
          <nav aria-label={t("app.nav.main")}>
            {user && (
              <>
                <MenuLink to="/roles" pathname={pathname}>
                  {t("app.nav.roles")}
                </MenuLink>
                <MenuLink to="/skills" pathname={pathname}>
                  {t("app.nav.skills")}
                </MenuLink>
                <MenuLink to="/kits" pathname={pathname}>
                  {t("kits.nav")}
                </MenuLink>
                <MenuLink to="/assessments" pathname={pathname}>
                  {t("app.nav.assessments")}
                </MenuLink>
                <MenuLink to="/calibration" pathname={pathname}>
                  {t("app.nav.calibration")}
                </MenuLink>
                <MenuLink to="/proposals" pathname={pathname}>
                  {/* On /proposals itself the news is being read: no count. */}
                  <ProposalsMenuLabel unread={pathname === "/proposals" ? 0 : (data?.unreadProposals ?? 0)} />
                </MenuLink>
                {user.role === "recruiter" && (
                  <>
                    <MenuLink to="/candidates" pathname={pathname}>
                      {t("candidates.nav")}
                    </MenuLink>
                    <MenuLink to="/settings/users" pathname={pathname}>
                      {t("app.nav.users")}
                    </MenuLink>
                    <MenuLink to="/audit" pathname={pathname}>
                      {t("app.nav.audit")}
                    </MenuLink>
                  </>
                )}
              </>
            )}
          </nav>
          {!ownLanguage && <LanguageSwitch lang={lang} />}
          {user && <UserMenu user={user} />}
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
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // A refused request is the sender's to fix: "try again in a moment" would send them round in circles.
  return <ErrorPage kind={status === 404 ? "notFound" : status >= 400 && status < 500 ? "refused" : "error"} />;
}

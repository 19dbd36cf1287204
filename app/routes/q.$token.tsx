import type { ActionFunctionArgs, AppLoadContext, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, isRouteErrorResponse, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import {
  ANSWER_VALUES,
  ITEMS_PER_PAGE,
  MAX_SKIPPED_TO_SUBMIT,
  QUESTIONNAIRE_LANGUAGES,
  SELF_REPORT_ITEM_COUNT,
  questionnaireLanguageOf,
  type AnswerValue,
  type QuestionnaireLanguage,
} from "~/domain/self-report";
import { answerLabels, questionnaireItems } from "~/models/questionnaire-items.server";
import {
  consentToQuestionnaire,
  openQuestionnaire,
  saveQuestionnaireAnswers,
  submitQuestionnaire,
  type OpenQuestionnaire,
} from "~/models/questionnaires.server";
import { readFormData } from "~/http/forms.server";
import { getLanguage } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { ErrorPage } from "~/components/ErrorPage";
import { PlainLink } from "~/components/PlainLink";
import { fillText, QUESTIONNAIRE_TEXTS, type QuestionnaireTexts } from "~/locales/questionnaire-texts";
import questionnaireStyles from "~/styles/questionnaire.css?url";
import type { RouteHandle } from "~/root";

/*
 * The candidate's self-report questionnaire (issue 20): no account, a secret
 * link with the report link's rules (an unknown, revoked or expired token all
 * get the same 404). A consent page first, on which nothing is kept; then the
 * items in pages, each page saved as the candidate moves on (Back or Next), so
 * the same link resumes anywhere; a review page lists what is unanswered and
 * submits; after that the link only thanks. Plain forms: no step needs
 * JavaScript.
 */

// In the questionnaire's language, which the candidate picks on the page: the interface's switch would change only the frame.
export const handle: RouteHandle = { ownLanguage: true };

const PRIVATE_HEADERS = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

export const headers: HeadersFunction = () => PRIVATE_HEADERS;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: questionnaireStyles }];

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const PAGES = Math.ceil(SELF_REPORT_ITEM_COUNT / ITEMS_PER_PAGE);

/** Each language by its own name, so a reader finds theirs whatever the page's language is. */
const LANGUAGE_NAMES: Record<QuestionnaireLanguage, string> = { en: "English", es: "Español", "zh-cn": "简体中文" };

/** The item package's codes as HTML's `lang` writes them. */
function htmlLang(language: QuestionnaireLanguage): string {
  return language === "zh-cn" ? "zh-CN" : language;
}

const languageParam = z.enum(QUESTIONNAIRE_LANGUAGES).optional().catch(undefined);
const pageParam = z.union([z.literal("review"), z.coerce.number().int().min(1).max(PAGES)]);

// A link typed or cut short (an unknown language, page 0) opens where the candidate would resume, in the link's language.
const queryParams = z.object({ lang: languageParam, page: pageParam.optional().catch(undefined) });

const postFields = z.object({
  intent: z.enum(["consent", "decline", "back", "next", "submit"]),
  lang: languageParam,
  page: z.coerce.number().int().min(1).max(PAGES).optional(),
});

type Page = number | "review";

function pagePath(token: string, lang: QuestionnaireLanguage, page?: Page): string {
  return `/q/${token}?lang=${lang}${page === undefined ? "" : `&page=${page}`}`;
}

/** The first page with an unanswered item: where the link resumes; the review once every item is answered. */
function resumePage(answers: OpenQuestionnaire["answers"]): Page {
  const index = questionnaireItems("en").findIndex((item) => !answers.has(item.id));
  return index < 0 ? "review" : Math.floor(index / ITEMS_PER_PAGE) + 1;
}

function unavailablePage(texts: QuestionnaireTexts, lang: QuestionnaireLanguage) {
  return {
    lang: htmlLang(lang),
    title: `${texts.unavailableTitle} · Traitkit`,
    heading: texts.unavailableTitle,
    body: texts.unavailableBody,
  };
}

/**
 * The one answer for a token never issued, revoked or expired: which one is not
 * told. In the language the address asks for, else the reader's interface
 * language, never the link's: an unusable link has none.
 */
async function unavailable(request: Request, context: AppLoadContext) {
  const asked = languageParam.parse(new URL(request.url).searchParams.get("lang") ?? undefined);
  const lang = asked ?? questionnaireLanguageOf(await getLanguage(request, context));
  return data(unavailablePage(QUESTIONNAIRE_TEXTS[lang], lang), { status: 404 });
}

function isUnavailablePage(value: unknown): value is ReturnType<typeof unavailablePage> {
  return typeof value === "object" && value !== null && "heading" in value && "body" in value && "title" in value;
}

export const meta: MetaFunction<typeof loader> = ({ data: page, error, matches }) => [
  { title: page?.title ?? (isRouteErrorResponse(error) && isUnavailablePage(error.data) ? error.data.title : notFoundTitle(matches)) },
  { name: "robots", content: "noindex" },
];

type ItemView = { id: string; number: number; text: string; value: AnswerValue | null };

function pageView(questionnaire: OpenQuestionnaire, lang: QuestionnaireLanguage, page: Page) {
  const items = questionnaireItems(lang).map((item, index) => ({ id: item.id, number: index + 1, text: item.text }));
  const answered = items.filter((item) => questionnaire.answers.has(item.id)).length;
  const progress = { answered, total: items.length };
  if (page === "review") {
    const unanswered = items
      .filter((item) => !questionnaire.answers.has(item.id))
      .map((item) => ({ ...item, page: Math.ceil(item.number / ITEMS_PER_PAGE) }));
    return { view: "review" as const, progress, unanswered };
  }
  const onPage = items
    .slice((page - 1) * ITEMS_PER_PAGE, page * ITEMS_PER_PAGE)
    .map((item): ItemView => ({ ...item, value: questionnaire.answers.get(item.id) ?? null }));
  return { view: "items" as const, progress, page, pages: PAGES, items: onPage, choices: answerLabels(lang) };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const questionnaire = TOKEN.test(token) ? await openQuestionnaire(context.db, token, new Date()) : undefined;
  if (!questionnaire) throw await unavailable(request, context);
  const query = queryParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  const lang = query.lang ?? questionnaire.language;
  const texts = QUESTIONNAIRE_TEXTS[lang];
  const shown =
    questionnaire.completedAt !== null
      ? { view: "thanks" as const }
      : questionnaire.consentedAt === null
        ? { view: "consent" as const }
        : pageView(questionnaire, lang, query.page ?? resumePage(questionnaire.answers));
  const languages = QUESTIONNAIRE_LANGUAGES.map((code) => ({
    code,
    lang: htmlLang(code),
    name: LANGUAGE_NAMES[code],
    // The same page in another language: a switch never loses the candidate's place.
    href: pagePath(token, code, "page" in shown ? shown.page : shown.view === "review" ? "review" : undefined),
  }));
  return data(
    { ...shown, token, language: lang, htmlLang: htmlLang(lang), texts, languages, title: `${texts.pageTitle} · Traitkit` },
    { headers: PRIVATE_HEADERS },
  );
}

type Refusal = { error: string; itemErrors?: Record<string, string>; submitError?: string };

function refuse(status: 400 | 409, refusal: Refusal) {
  return data(refusal, { status, headers: PRIVATE_HEADERS });
}

/**
 * The page's answers: `answer.<item id>` = 1…5. An id that is none of the
 * items, or a value off the scale, refuses the whole page: nothing of it is saved.
 */
function readAnswers(formData: FormData, known: ReadonlySet<string>) {
  const answers = new Map<string, AnswerValue>();
  const offScale: string[] = [];
  let unknownItem = false;
  for (const [name, value] of formData) {
    if (!name.startsWith("answer.")) continue;
    const itemId = name.slice("answer.".length);
    // A repeated answer is tampering or a bug; the first one is the candidate's, as in parseForm.
    if (answers.has(itemId) || offScale.includes(itemId)) continue;
    if (!known.has(itemId)) unknownItem = true;
    const answer = ANSWER_VALUES.find((v) => String(v) === value);
    if (answer === undefined) offScale.push(itemId);
    else answers.set(itemId, answer);
  }
  return { answers: [...answers].map(([itemId, value]) => ({ itemId, value })), offScale, unknownItem };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db } = context;
  const token = params.token ?? "";
  const now = new Date();
  const questionnaire = TOKEN.test(token) ? await openQuestionnaire(db, token, now) : undefined;
  if (!questionnaire) throw await unavailable(request, context);
  const formData = await readFormData(request);
  const fields = postFields.safeParse({
    intent: formData.get("intent"),
    lang: formData.get("lang") ?? undefined,
    page: formData.get("page") ?? undefined,
  });
  const lang = (fields.success ? fields.data.lang : undefined) ?? questionnaire.language;
  const texts = QUESTIONNAIRE_TEXTS[lang];
  // A page posted after the submission (another tab, a double click) changes nothing, whatever it carries.
  if (questionnaire.completedAt !== null) return refuse(409, { error: texts.errorAlreadySubmitted });
  if (!fields.success) return refuse(400, { error: texts.errorForm });
  const { intent, page } = fields.data;

  if (intent === "decline") return data({ declined: true as const }, { headers: PRIVATE_HEADERS });
  if (intent === "consent") {
    if ((await consentToQuestionnaire(db, token, now)) === "gone") throw await unavailable(request, context);
    return redirect(pagePath(token, lang), 303);
  }
  if (intent === "submit") {
    const outcome = await submitQuestionnaire(db, token, now);
    switch (outcome.status) {
      case "submitted":
        return redirect(pagePath(token, lang), 303);
      case "gone":
        throw await unavailable(request, context);
      case "already":
        return refuse(409, { error: texts.errorAlreadySubmitted });
      case "not_consented":
        return refuse(409, { error: texts.errorNotConsented });
      case "too_many_skipped": {
        const message = fillText(texts.errorTooManySkipped, { count: outcome.skipped, max: MAX_SKIPPED_TO_SUBMIT });
        return refuse(400, { error: message, submitError: message });
      }
    }
  }

  // Back or Next: the page's answers are saved, then the candidate moves.
  if (page === undefined) return refuse(400, { error: texts.errorForm });
  const read = readAnswers(formData, new Set(questionnaireItems("en").map((item) => item.id)));
  if (read.unknownItem) return refuse(400, { error: texts.errorUnknownItem });
  if (read.offScale.length > 0) {
    return refuse(400, {
      error: texts.errorValueSummary,
      itemErrors: Object.fromEntries(read.offScale.map((itemId) => [itemId, texts.errorValue])),
    });
  }
  const saved = await saveQuestionnaireAnswers(db, token, read.answers, now);
  switch (saved) {
    case "saved":
      return redirect(pagePath(token, lang, intent === "back" ? Math.max(1, page - 1) : page < PAGES ? page + 1 : "review"), 303);
    case "gone":
      throw await unavailable(request, context);
    case "completed":
      return refuse(409, { error: texts.errorAlreadySubmitted });
    case "not_consented":
      return refuse(409, { error: texts.errorNotConsented });
    case "unknown_item":
      return refuse(400, { error: texts.errorUnknownItem });
  }
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionData = ReturnType<typeof useActionData<typeof action>>;

function refusalOf(actionData: ActionData): Refusal | undefined {
  return actionData && "error" in actionData ? actionData : undefined;
}

function LanguageNav({ page }: { page: PageData }) {
  return (
    <nav aria-label={page.texts.languageNav} className="questionnaire-languages">
      <ul>
        {page.languages.map((language) => (
          <li key={language.code}>
            <PlainLink
              to={language.href as `/${string}`}
              hrefLang={language.lang}
              lang={language.lang}
              aria-current={language.code === page.language ? "true" : undefined}
            >
              {language.name}
            </PlainLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function HiddenLanguage({ page }: { page: PageData }) {
  return <input type="hidden" name="lang" value={page.language} />;
}

function Progress({ texts, answered, total }: { texts: QuestionnaireTexts; answered: number; total: number }) {
  return (
    <div className="questionnaire-progress">
      <label htmlFor="questionnaire-progress">{fillText(texts.answeredCount, { answered, total })}</label>
      <progress id="questionnaire-progress" max={total} value={answered} />
    </div>
  );
}

function Consent({ page }: { page: PageData }) {
  const { texts } = page;
  return (
    <>
      <h1>{texts.heading}</h1>
      <p>{texts.consentIntro}</p>
      <h2>{texts.consentWhatTitle}</h2>
      <p>{texts.consentWhat}</p>
      <h2>{texts.consentWhoTitle}</h2>
      <p>{texts.consentWho}</p>
      <h2>{texts.consentKeptTitle}</h2>
      <p>{texts.consentKept}</p>
      <h2>{texts.consentOptionalTitle}</h2>
      <p>{texts.consentOptional}</p>
      <Form method="post" action={pagePath(page.token, page.language)} className="questionnaire-actions">
        <HiddenLanguage page={page} />
        <p className="muted">{texts.consentNothingKept}</p>
        <div className="questionnaire-buttons">
          <button type="submit" name="intent" value="consent">
            {texts.consentAgree}
          </button>
          <button type="submit" name="intent" value="decline" className="button-secondary">
            {texts.consentDecline}
          </button>
        </div>
      </Form>
    </>
  );
}

function Items({ page, shown, refusal }: { page: PageData; shown: Extract<PageData, { view: "items" }>; refusal: Refusal | undefined }) {
  const { texts } = page;
  return (
    <>
      <h1>{texts.heading}</h1>
      <Progress texts={texts} answered={shown.progress.answered} total={shown.progress.total} />
      <h2>{fillText(texts.pageOf, { page: shown.page, pages: shown.pages })}</h2>
      <p className="muted">{texts.instructions}</p>
      {/* Keyed by page: each page's radios start from what the server holds. */}
      <Form method="post" action={pagePath(page.token, page.language, shown.page)} key={`${shown.page}-${page.language}`} noValidate>
        <HiddenLanguage page={page} />
        <input type="hidden" name="page" value={shown.page} />
        {shown.items.map((item) => {
          const error = refusal?.itemErrors?.[item.id];
          return (
            <fieldset
              key={item.id}
              id={`item-${item.id}`}
              className="questionnaire-item"
              aria-describedby={error ? `item-error-${item.id}` : undefined}
            >
              <legend>
                <span className="questionnaire-number">{item.number}.</span> {item.text}
              </legend>
              {error && (
                <p id={`item-error-${item.id}`} className="field-error">
                  {error}
                </p>
              )}
              <div className="questionnaire-choices">
                {shown.choices.map((label, i) => {
                  const value = ANSWER_VALUES[i];
                  return (
                    <label key={value} className="questionnaire-choice">
                      <input type="radio" name={`answer.${item.id}`} value={value} defaultChecked={item.value === value} />
                      <span>{label}</span>
                    </label>
                  );
                })}
              </div>
            </fieldset>
          );
        })}
        {/* Next comes first: Enter in a radio group sends the form with its first button, and moving on is what Enter means. */}
        <div className="questionnaire-buttons questionnaire-move">
          <button type="submit" name="intent" value="next">
            {shown.page < shown.pages ? texts.next : texts.toReview}
          </button>
          {shown.page > 1 && (
            <button type="submit" name="intent" value="back" className="button-secondary">
              {texts.back}
            </button>
          )}
        </div>
      </Form>
    </>
  );
}

function Review({ page, shown, refusal }: { page: PageData; shown: Extract<PageData, { view: "review" }>; refusal: Refusal | undefined }) {
  const { texts } = page;
  const submitError = refusal?.submitError;
  return (
    <>
      <h1>{texts.reviewTitle}</h1>
      <Progress texts={texts} answered={shown.progress.answered} total={shown.progress.total} />
      {shown.unanswered.length === 0 ? (
        <p>{texts.reviewAllAnswered}</p>
      ) : (
        <>
          <p>{fillText(texts.reviewUnanswered, { count: shown.unanswered.length })}</p>
          <ul className="questionnaire-unanswered" data-testid="unanswered-items">
            {shown.unanswered.map((item) => (
              <li key={item.id}>
                <PlainLink to={`${pagePath(page.token, page.language, item.page)}#item-${item.id}` as `/${string}`}>
                  {item.number}. {item.text}
                </PlainLink>
              </li>
            ))}
          </ul>
          <p className="muted">{fillText(texts.reviewSkipRule, { max: MAX_SKIPPED_TO_SUBMIT })}</p>
        </>
      )}
      <Form method="post" action={pagePath(page.token, page.language, "review")} className="questionnaire-actions">
        <HiddenLanguage page={page} />
        <p id="questionnaire-submit-hint" className="muted">
          {texts.submitHint}
        </p>
        <div className="questionnaire-buttons">
          <button
            type="submit"
            name="intent"
            value="submit"
            aria-describedby={submitError ? "questionnaire-submit-error questionnaire-submit-hint" : "questionnaire-submit-hint"}
          >
            {texts.submit}
          </button>
          <PlainLink to={pagePath(page.token, page.language, PAGES) as `/${string}`}>{texts.backToItems}</PlainLink>
        </div>
        {submitError && (
          <p id="questionnaire-submit-error" className="field-error">
            {submitError}
          </p>
        )}
      </Form>
    </>
  );
}

export default function QuestionnairePage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refusal = refusalOf(actionData);
  const declined = actionData !== undefined && "declined" in actionData;
  const { texts } = page;
  return (
    <article className="questionnaire" lang={page.htmlLang} data-testid="questionnaire">
      <LanguageNav page={page} />
      {refusal && (
        <p className="alert" role="alert">
          {refusal.error}
        </p>
      )}
      {declined ? (
        <>
          <h1>{texts.declinedTitle}</h1>
          <p>{texts.declinedBody}</p>
        </>
      ) : page.view === "thanks" ? (
        <>
          <h1>{texts.thanksTitle}</h1>
          <p>{texts.thanksBody}</p>
        </>
      ) : page.view === "consent" ? (
        <Consent page={page} />
      ) : page.view === "items" ? (
        <Items page={page} shown={page} refusal={refusal} />
      ) : (
        <Review page={page} shown={page} refusal={refusal} />
      )}
    </article>
  );
}

/**
 * A candidate whose link no longer works gets a page meant for them, the same
 * whether the token was revoked, expired or never existed; any other failure
 * says what it is.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  if (!isRouteErrorResponse(error) || !isUnavailablePage(error.data)) {
    const status = isRouteErrorResponse(error) ? error.status : 500;
    return <ErrorPage kind={status === 404 ? "notFound" : status >= 400 && status < 500 ? "refused" : "error"} />;
  }
  return (
    <section className="auth-card" lang={error.data.lang} data-testid="questionnaire-unavailable">
      <h1>{error.data.heading}</h1>
      <p>{error.data.body}</p>
    </section>
  );
}

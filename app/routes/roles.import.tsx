import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { importRole } from "~/models/role-import.server";
import { formatIssues, roleFileSchema, type FormattedIssue } from "~/schemas/role";
import { requireUser } from "~/utils/auth.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { redirectWithNotice } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [{ title: page?.title ?? notFoundTitle(matches) }];

/** A role file is a few hundred KB at most; this bounds memory per request. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, { role: "recruiter" });
  const { t } = await getTranslator(request, context);
  return { title: pageTitle(t, t("roleImport.title")) };
}

type ImportFailure = { issues: FormattedIssue[] };

function failure(issues: FormattedIssue[], status: number) {
  return data<ImportFailure>({ issues }, { status });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return failure([{ path: "file", message: "roleImport.tooLarge" }], 413);
    return failure([{ path: "file", message: "roleImport.notMultipart" }], 400);
  }
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return failure([{ path: "file", message: "roleImport.noFile" }], 400);

  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return failure([{ path: "file", message: "roleImport.notJson" }], 400);
  }
  const parsed = roleFileSchema.safeParse(json);
  if (!parsed.success) return failure(formatIssues(parsed.error), 400);

  const result = await importRole(context.db, parsed.data, { replace: formData.get("replace") === "on", actorId: user.id }, new Date());
  if (result.status === "slug_taken") return failure([{ path: "slug", message: "roleImport.slugTaken" }], 409);
  return redirectWithNotice(request, `/roles/${result.slug}`, result.status);
}

export default function ImportRole() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const issues = result?.issues ?? [];
  const message = (text: string) => (text.startsWith("roleImport.") && isImportKey(text) ? t(text) : text);
  return (
    <>
      <p className="muted">
        <Link to="/roles">{t("roles.title")}</Link> / {t("roleImport.title")}
      </p>
      <h1>{t("roleImport.title")}</h1>
      <p className="lede">{t("roleImport.intro")}</p>
      {issues.length > 0 && (
        <div className="alert" role="alert" data-testid="import-errors">
          <p>{t("roleImport.failed", { count: issues.length })}</p>
          <ul className="compact">
            {issues.map((issue, index) => (
              <li key={index}>
                <code>{issue.path || "(file)"}</code>: {message(issue.message)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Form method="post" encType="multipart/form-data" className="form-stack">
        <div className="field">
          <label htmlFor="role-file">{t("roleImport.file")}</label>
          <input id="role-file" type="file" name="file" accept="application/json,.json" required aria-describedby="role-file-hint" />
          <p id="role-file-hint" className="field-hint">
            {t("roleImport.fileHint")}
          </p>
        </div>
        <div className="checkbox">
          <input id="role-replace" type="checkbox" name="replace" />
          <label htmlFor="role-replace">{t("roleImport.replace")}</label>
        </div>
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("roleImport.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}

const IMPORT_KEYS = ["roleImport.tooLarge", "roleImport.notMultipart", "roleImport.noFile", "roleImport.notJson", "roleImport.slugTaken"] as const;
function isImportKey(text: string): text is (typeof IMPORT_KEYS)[number] {
  return IMPORT_KEYS.some((key) => key === text);
}

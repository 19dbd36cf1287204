import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { useTranslation } from "~/utils/use-translation";
import { importRole } from "~/models/role-import.server";
import { roleFileSchema } from "~/schemas/role";
import {
  jsonErrorPosition,
  ROLE_FILE_MAX_BYTES,
  roleFileIssues,
  type ImportIssueKey,
  type RoleFileIssue,
} from "~/schemas/role-file-issues";
import { requireUser } from "~/http/auth.server";
import { containsNul } from "~/http/forms.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { redirectWithNotice } from "~/http/session.server";
import "~/locales/role-form";
import "~/locales/role-import";
import "~/locales/roles";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [{ title: page?.title ?? notFoundTitle(matches) }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, { role: "recruiter" });
  const { t } = await getTranslator(request, context);
  return { title: pageTitle(t, t("roleImport.title")) };
}

type ImportFailure = { issues: RoleFileIssue[] };

function failure(issues: RoleFileIssue[], status: number) {
  return data<ImportFailure>({ issues }, { status });
}

function fileFailure(key: ImportIssueKey, status: number, values?: Record<string, number>) {
  return failure([{ path: "", kind: "import", key, values }], status);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: ROLE_FILE_MAX_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return fileFailure("tooLarge", 413);
    return fileFailure("notMultipart", 400);
  }
  const file = formData.get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return fileFailure("noFile", 400);
  // An editor may start the file with a byte-order mark, which JSON.parse refuses.
  const text = (await file.text()).replace(/^\uFEFF/, "");
  if (text.trim() === "") return fileFailure("emptyFile", 400);

  // Written as the character or as JSON's \u0000: no role text holds it, and PostgreSQL cannot store it.
  if (containsNul(text) || /\\u0000/i.test(text)) return fileFailure("nulCharacter", 400);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fileFailure("notJsonAt", 400, jsonErrorPosition(text));
  }
  const parsed = roleFileSchema.safeParse(json);
  if (!parsed.success) return failure(roleFileIssues(parsed.error, json), 400);

  const result = await importRole(context.db, parsed.data, { replace: formData.get("replace") === "on", actorId: user.id }, new Date());
  if (result.status === "slug_taken") return failure([{ path: "slug", kind: "import", key: "slugTaken" }], 409);
  return redirectWithNotice(request, `/roles/${result.slug}`, result.status);
}

export default function ImportRole() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const issues = result?.issues ?? [];
  // Checked here before the upload: a file over the limit would otherwise travel whole to be refused.
  const [tooLarge, setTooLarge] = useState(false);
  const checkSize = (event: ChangeEvent<HTMLInputElement>) =>
    setTooLarge((event.currentTarget.files?.[0]?.size ?? 0) > ROLE_FILE_MAX_BYTES);
  const refuseTooLarge = (event: FormEvent<HTMLFormElement>) => {
    if (tooLarge) event.preventDefault();
  };
  const message = (issue: RoleFileIssue) => {
    if (issue.kind === "format") return t(`roleForm.errors.${issue.key}`);
    if (issue.key === "wrongType")
      return t("roleImport.wrongType", { expected: t(`roleImport.types.${String(issue.values?.expected)}` as "roleImport.types.string") });
    return t(`roleImport.${issue.key}`, issue.values);
  };
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
                {issue.path === "" ? (
                  message(issue)
                ) : (
                  <>
                    <code>{issue.path}</code>: {message(issue)}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Form method="post" encType="multipart/form-data" className="form-stack" onSubmit={refuseTooLarge}>
        <div className="field">
          <label htmlFor="role-file">{t("roleImport.file")}</label>
          <input
            id="role-file"
            type="file"
            name="file"
            accept="application/json,.json"
            required
            aria-invalid={tooLarge ? true : undefined}
            aria-describedby={tooLarge ? "role-file-hint role-file-error" : "role-file-hint"}
            onChange={checkSize}
          />
          <p id="role-file-hint" className="field-hint">
            {t("roleImport.fileHint")}
          </p>
          {tooLarge && (
            <p id="role-file-error" className="field-error" role="alert">
              {t("roleImport.tooLarge")}
            </p>
          )}
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

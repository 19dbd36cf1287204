import { data, type AppLoadContext } from "@remix-run/node";
import { readRoleFile } from "~/models/role-export.server";
import { saveRole } from "~/models/role-import.server";
import { formDataToValues, postedToFormValues, validateRoleForm } from "~/schemas/role-form";
import { ROLE_FORMAT, roleFileSchema } from "~/schemas/role";
import { readFormData } from "~/http/forms.server";
import { notFound } from "~/http/auth.server";
import { redirectWithNotice } from "~/http/session.server";

/**
 * The role form's action for /roles/new (currentSlug null) and
 * /roles/:slug/edit: validate with the browser's schema, keep what the form
 * does not edit (skills matrix, source note), save in one transaction.
 */
export async function handleRoleForm(request: Request, context: AppLoadContext, options: { currentSlug: string | null; actorId: number }) {
  const values = formDataToValues(await readFormData(request));
  const result = validateRoleForm(values);
  if (!result.ok) return data({ errors: result.errors, values: postedToFormValues(values) }, { status: 400 });

  const existing = options.currentSlug === null ? null : await readRoleFile(context.db, options.currentSlug);
  if (options.currentSlug !== null && !existing) throw notFound();
  const file = roleFileSchema.parse({
    format: ROLE_FORMAT,
    ...result.data,
    sourceNote: existing?.sourceNote ?? null,
    skillsMatrix: existing?.skillsMatrix ?? null,
  });
  const saved = await saveRole(context.db, file, options, new Date());
  if (!saved) throw notFound();
  if (saved.status === "slug_taken") {
    return data({ errors: { slug: "validation.slugTaken" }, values: postedToFormValues(values) }, { status: 409 });
  }
  return redirectWithNotice(request, `/roles/${saved.slug}`, "saved");
}

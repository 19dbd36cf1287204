import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { UI_LANGUAGES } from "~/utils/i18n";
import { languageCookie } from "~/utils/i18n.server";
import { readFormData } from "~/http/forms.server";
import { safeRedirect } from "~/schemas/auth";

const languageForm = z.object({
  lng: z.enum(UI_LANGUAGES),
  redirectTo: z
    .string()
    .catch("/roles")
    .transform((to) => safeRedirect(to, "/roles")),
});

export async function action({ request }: ActionFunctionArgs) {
  const parsed = languageForm.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) {
    throw new Response("Unknown language", { status: 400 });
  }
  return redirect(parsed.data.redirectTo, {
    status: 303,
    headers: { "Set-Cookie": await languageCookie.serialize(parsed.data.lng) },
  });
}

export function loader() {
  return redirect("/roles", 303);
}

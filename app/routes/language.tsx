import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { UI_LANGUAGES } from "~/utils/i18n";
import { languageCookie } from "~/utils/i18n.server";
import { readFormData } from "~/utils/forms.server";

const languageForm = z.object({
  lng: z.enum(UI_LANGUAGES),
  // Only a path of this site: never an open redirect; no control characters, which a Location header cannot carry.
  redirectTo: z
    .string()
    .regex(/^\/(?![/\\])[^\u0000-\u001f\u007f]*$/)
    .catch("/roles"),
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

import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { UI_LANGUAGES } from "~/utils/i18n";
import { languageCookie } from "~/utils/i18n.server";

const languageForm = z.object({
  lng: z.enum(UI_LANGUAGES),
  // Only a path of this site: never an open redirect.
  redirectTo: z
    .string()
    .regex(/^\/(?![/\\])/)
    .catch("/roles"),
});

export async function action({ request }: ActionFunctionArgs) {
  const parsed = languageForm.safeParse(Object.fromEntries(await request.formData()));
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

import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { UI_LANGUAGES } from "~/utils/i18n";
import { languageCookie } from "~/utils/i18n.server";
import { readFormData } from "~/http/forms.server";
import { safeRedirect } from "~/schemas/auth";
import { getUser } from "~/http/auth.server";
import { rememberLanguage } from "~/models/users.server";

const languageForm = z.object({
  lng: z.enum(UI_LANGUAGES),
  redirectTo: z
    .string()
    .catch("/roles")
    .transform((to) => safeRedirect(to, "/roles")),
});

/**
 * Where the switch returns to: the page's path, which is all the menu posts
 * (a query string repeated in every page would sit beside its personal data in
 * a compressed response: decision 0009), with the query string the browser's
 * Referer brings back when that Referer is this site's and names the same path,
 * so that a filtered ranking stays filtered.
 */
function returnAddress(request: Request, path: string): string {
  const referer = request.headers.get("Referer");
  if (referer === null) return path;
  let from: URL;
  try {
    from = new URL(referer);
  } catch {
    return path;
  }
  if (from.origin !== new URL(request.url).origin || from.pathname !== path) return path;
  // Safe as the path is (checked by the form's schema): a parsed URL's query string holds no control character.
  return from.pathname + from.search;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = languageForm.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) {
    throw new Response("Unknown language", { status: 400 });
  }
  // A signed-in user's e-mail follows the language they read in.
  const user = await getUser(request, context);
  if (user) await rememberLanguage(context.db, user.id, parsed.data.lng);
  return redirect(returnAddress(request, parsed.data.redirectTo), {
    status: 303,
    headers: { "Set-Cookie": await languageCookie.serialize(parsed.data.lng) },
  });
}

export function loader() {
  return redirect("/roles", 303);
}

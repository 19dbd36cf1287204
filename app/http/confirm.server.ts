import { data } from "@remix-run/node";
import type { Confirmation, ConfirmSpec } from "~/utils/confirm";

/**
 * The contract of every destructive intent (remove, reopen, revoke, archive,
 * delete, erase, cancel, deactivate): it acts only when its POST carries
 * `confirm=1`. Other tools post it; the app's own forms add it from their
 * dialog or from the confirmation page.
 */
export function isConfirmed(formData: FormData): boolean {
  return formData.get("confirm") === "1";
}

/**
 * The answer to a destructive intent posted without `confirm=1`: nothing has
 * changed, and the page shows what would be lost with a form that posts the
 * same fields again, confirmed. A 200: the request was understood, it only
 * asks a question back (a browser without JavaScript lands here).
 */
export function confirmationPage(formData: FormData, spec: ConfirmSpec) {
  const fields: [string, string][] = [];
  for (const [name, value] of formData) {
    if (name === "confirm" || typeof value !== "string" || (spec.option && name === spec.option.name)) continue;
    fields.push([name, value]);
  }
  return data<{ confirmation: Confirmation }>({ confirmation: { spec, fields } });
}

import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { LEVELS, type Level } from "~/domain/levels";
import { roleChoiceLabel } from "~/domain/role-names";
import "~/locales/kits";

/** Picks the role and target level of a new kit; a plain GET form to /kits/new. */
export function KitRoleChooser({ roles, level = "senior" }: { roles: readonly { slug: string; name: string }[]; level?: Level }) {
  const { t } = useTranslation();
  return (
    <Form method="get" action="/kits/new" className="filters">
      <div className="field">
        <label htmlFor="new-kit-role">{t("kits.role")}</label>
        <select id="new-kit-role" name="role">
          {roles.map((role) => (
            <option key={role.slug} value={role.slug}>
              {roleChoiceLabel(role, roles)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-kit-level">{t("kits.level")}</label>
        <select id="new-kit-level" name="level" defaultValue={level}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`levels.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t("kits.start")}</button>
    </Form>
  );
}

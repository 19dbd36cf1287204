import { describe, expect, it } from "vitest";
import type { AuditAction } from "../../app/models/audit.server";
import en from "../../app/locales/en";
import es from "../../app/locales/es";
import { createTranslator, type TranslationKey } from "../../app/utils/i18n";
import { detectLanguage, languageCookie } from "../../app/utils/i18n.server";

describe("createTranslator", () => {
  const english = createTranslator("en", en);
  const spanish = createTranslator("es", es);

  it("picks the plural form by the language's rules from a count", () => {
    expect(english.t("ranking.count", { count: 1 })).toBe("1 candidate ranked");
    expect(english.t("ranking.count", { count: 0 })).toBe("0 candidates ranked");
    expect(english.t("ranking.count", { count: 2 })).toBe("2 candidates ranked");
    expect(spanish.t("ranking.count", { count: 1 })).toBe("1 candidato clasificado");
    expect(spanish.t("ranking.count", { count: 5 })).toBe("5 candidatos clasificados");
  });

  it("fills {{name}} placeholders", () => {
    expect(english.t("auth.signedInAs", { name: "Ada", role: "recruiter" })).toBe("Signed in as Ada · recruiter");
  });

  it("shows the key of a missing text, and knows which texts exist", () => {
    const t = english.t as (key: string) => string;
    expect(t("no.such.text")).toBe("no.such.text");
    expect(english.exists("validation.emailRequired")).toBe(true);
    expect(english.exists("validation")).toBe(false); // a group, not a text
    expect(english.exists("validation.noSuchMessage")).toBe(false);
  });
});

describe("detectLanguage", () => {
  function requestWith(headers: Record<string, string>): Request {
    return new Request("http://traitkit.test/roles", { headers });
  }

  it("takes the browser's preferred language among English and Spanish, by quality", async () => {
    expect(await detectLanguage(requestWith({ "Accept-Language": "es-AR,es;q=0.9" }))).toBe("es");
    expect(await detectLanguage(requestWith({ "Accept-Language": "en;q=0.2, es;q=0.8" }))).toBe("es");
    expect(await detectLanguage(requestWith({ "Accept-Language": "de-DE, en;q=0.5, es;q=0.4" }))).toBe("en");
  });

  it("falls back to English for other languages and no header", async () => {
    expect(await detectLanguage(requestWith({ "Accept-Language": "fr-FR, de;q=0.8" }))).toBe("en");
    expect(await detectLanguage(requestWith({}))).toBe("en");
  });

  it("lets the user's choice (the lng cookie) win over the browser", async () => {
    const cookie = (await languageCookie.serialize("es")).split(";")[0] ?? "";
    expect(await detectLanguage(requestWith({ Cookie: cookie, "Accept-Language": "en" }))).toBe("es");
    const unknown = (await languageCookie.serialize("fr")).split(";")[0] ?? "";
    expect(await detectLanguage(requestWith({ Cookie: unknown, "Accept-Language": "es" }))).toBe("es");
  });
});

describe("audit action labels", () => {
  // Every code the app writes: the type fails to check when an action is added to AuditAction and not here.
  const ACTIONS = {
    "user.sign_in": true,
    "user.sign_out": true,
    "user.invite": true,
    "user.invite_accept": true,
    "user.invite_cancel": true,
    "user.role_change": true,
    "user.deactivate": true,
    "user.reactivate": true,
    "user.create": true,
    "user.account_update": true,
    "user.password_change": true,
    "role.create": true,
    "role.update": true,
    "role.import": true,
    "role.export": true,
    "role.library_add": true,
    "role.archive": true,
    "role.restore": true,
    "role.delete": true,
    "kit.create": true,
    "kit.update": true,
    "kit.version": true,
    "kit.archive": true,
    "kit.restore": true,
    "kit.delete": true,
    "candidate.create": true,
    "candidate.update": true,
    "candidate.export": true,
    "candidate.erase": true,
    "assessment.create": true,
    "assessment.interviewer_add": true,
    "assessment.interviewer_remove": true,
    "assessment.schedule": true,
    "scorecard.save": true,
    "scorecard.submit": true,
    "scorecard.reopen": true,
    "decision.record": true,
    "debrief.agree": true,
    "ranking.export": true,
    "calibration.export": true,
    "report.publish": true,
    "report.revoke": true,
    "questionnaire.send": true,
    "questionnaire.revoke": true,
    "questionnaire.start": true,
    "questionnaire.complete": true,
    "mail.retry": true,
    "settings.update": true,
    "skill.update": true,
    "proposal.create": true,
    "proposal.update": true,
    "proposal.accept": true,
    "proposal.reject": true,
    "proposal.withdraw": true,
    "proposal.comment_remove": true,
    "proposal.export": true,
  } satisfies Record<AuditAction, true>;
  const codes = Object.keys(ACTIONS);

  it.each([
    ["en", createTranslator("en", en)],
    ["es", createTranslator("es", es)],
  ] as const)("gives every audited action a label of its own in %s", (_lang, translator) => {
    const labels = codes.map((code) => {
      const key = `audit.actions.${code}`;
      expect(translator.exists(key), key).toBe(true);
      return translator.t(key as TranslationKey);
    });
    expect(new Set(labels).size).toBe(codes.length);
    expect(labels.filter((label) => codes.includes(label))).toEqual([]);
  });

  it("has no label for an unknown code or a group, so the page shows the raw code", () => {
    const spanish = createTranslator("es", es);
    expect(spanish.t("audit.actions.user.sign_in")).toBe("Inició sesión");
    expect(spanish.exists("audit.actions.user.teleport")).toBe(false);
    expect(spanish.exists("audit.actions.user")).toBe(false);
    expect(spanish.exists("audit.actions.billing.charge")).toBe(false);
  });
});

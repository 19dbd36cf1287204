import { afterEach, describe, expect, it, vi } from "vitest";
import {
  allInMessage,
  assignedMessage,
  invitationMessage,
  questionnaireLinkMessage,
  reminderMessage,
  type PanelPlace,
  type Recipient,
} from "../../app/models/mail-messages.server";
import type { UiLanguage } from "../../app/utils/i18n";

const APP_URL = "https://traitkit.example";
const LANGUAGES: UiLanguage[] = ["en", "es", "zh-CN"];

function interviewer(language: UiLanguage, name: string | null = "Ana Ruiz"): Recipient {
  return { userId: 3, email: "ana@example.com", name, language };
}

function place(overrides: Partial<PanelPlace> = {}): PanelPlace {
  return {
    appUrl: APP_URL,
    assessmentId: 7,
    candidateName: "Sam Lee",
    kitName: "Backend engineer",
    interviewer: interviewer("en"),
    interview: { at: "2026-12-05T09:00:00.000Z", timeZone: "Europe/Madrid" },
    scorecardDueAt: "2026-12-06T09:00:00.000Z",
    ...overrides,
  };
}

const recruiter = { id: 1, name: "Rita Recruiter" };

function reminder(overrides: Partial<PanelPlace> = {}) {
  return reminderMessage({ ...place(overrides), scorecardDueAt: overrides.scorecardDueAt ?? "2026-12-06T09:00:00.000Z" });
}

function allIn(language: UiLanguage, overrides: Partial<Parameters<typeof allInMessage>[0]> = {}) {
  return allInMessage({
    appUrl: APP_URL,
    assessmentId: 7,
    candidateName: "Sam Lee",
    kitName: "Backend engineer",
    recruiter: { userId: 1, email: "rita@example.com", name: "Rita Recruiter", language },
    submittedCount: 3,
    completedAt: "2026-12-06T10:00:00.000Z",
    ...overrides,
  });
}

function invitation(language: UiLanguage, role: "recruiter" | "interviewer" = "interviewer") {
  return invitationMessage({
    appUrl: APP_URL,
    email: "new@example.com",
    role,
    inviteUrl: `${APP_URL}/invite/abc123`,
    expiresAt: "2026-12-12T09:00:00.000Z",
    inviter: { id: 1, name: "Rita Recruiter" },
    language,
  });
}

function everyMessage(language: UiLanguage, candidateName = "Sam Lee") {
  return [
    assignedMessage(place({ candidateName, interviewer: interviewer(language) }), recruiter),
    assignedMessage(place({ candidateName, interviewer: interviewer(language), interview: null, scorecardDueAt: null }), recruiter),
    reminder({ candidateName, interviewer: interviewer(language) }),
    allIn(language, { candidateName }),
    invitation(language),
  ];
}

afterEach(() => {
  vi.useRealTimers();
});

describe("every message is in the recipient's language, as text and as simple HTML", () => {
  it("writes the subject and greeting in English, Spanish or Chinese", () => {
    const en = assignedMessage(place(), recruiter);
    const es = assignedMessage(place({ interviewer: interviewer("es") }), recruiter);
    const zh = assignedMessage(place({ interviewer: interviewer("zh-CN") }), recruiter);
    expect(en.subject).toBe("Interview panel: Sam Lee");
    expect(es.subject).toBe("Panel de entrevista: Sam Lee");
    expect(zh.subject).toBe("面试小组：Sam Lee");
    expect(en.text.startsWith("Hello Ana Ruiz,")).toBe(true);
    expect(es.text.startsWith("Hola, Ana Ruiz:")).toBe(true);
    expect(zh.text.startsWith("Ana Ruiz，您好：")).toBe(true);
    expect(en.html).toContain('<html lang="en">');
    expect(es.html).toContain('<html lang="es">');
    expect(zh.html).toContain('<html lang="zh-CN">');
  });

  it("greets without a name when the recipient has none", () => {
    const message = assignedMessage(place({ interviewer: interviewer("es", null) }), recruiter);
    expect(message.text.startsWith("Hola:")).toBe(true);
    expect(message.text).not.toContain("null");
  });

  it("leaves no translation key untranslated", () => {
    for (const language of LANGUAGES) {
      for (const message of everyMessage(language)) {
        expect(`${message.subject}\n${message.text}`, `${message.kind} ${language}`).not.toMatch(/\bmail\.|auth\.roleNames|\{\{/);
      }
    }
  });

  it("escapes names in the HTML and keeps them as they are in the text", () => {
    const name = "<script>alert(1)</script> & Co";
    for (const language of LANGUAGES) {
      for (const message of everyMessage(language, name).filter((m) => m.kind !== "invitation")) {
        expect(message.html, `${message.kind} ${language}`).not.toContain("<script>");
        expect(message.html, `${message.kind} ${language}`).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
        expect(message.text, `${message.kind} ${language}`).toContain(name);
        expect(message.subject, `${message.kind} ${language}`).toContain(name);
      }
    }
  });

  it("escapes the inviter's and recipient's names too", () => {
    const message = invitationMessage({
      appUrl: APP_URL,
      email: "new@example.com",
      role: "recruiter",
      inviteUrl: `${APP_URL}/invite/abc`,
      expiresAt: "2026-12-12T09:00:00.000Z",
      inviter: { id: 1, name: '<b onclick="x">Rita</b>' },
      language: "en",
    });
    expect(message.html).not.toContain("<b onclick");
    expect(message.html).toContain("&lt;b onclick=&quot;x&quot;&gt;Rita&lt;/b&gt;");
    const greeted = assignedMessage(place({ interviewer: interviewer("en", "<i>Ana</i>") }), recruiter);
    expect(greeted.html).toContain("<p>Hello &lt;i&gt;Ana&lt;/i&gt;,</p>");
  });

  it("has no image anywhere: nothing that tracks a reading", () => {
    for (const language of LANGUAGES) {
      for (const message of everyMessage(language)) {
        expect(message.html.toLowerCase(), `${message.kind} ${language}`).not.toContain("<img");
        expect(message.html.toLowerCase(), `${message.kind} ${language}`).not.toContain("url(");
      }
    }
  });

  it("links to the page it is about in both parts", () => {
    const pages: [ReturnType<typeof assignedMessage>, string][] = [
      [assignedMessage(place(), recruiter), `${APP_URL}/assessments/7`],
      [reminder(), `${APP_URL}/assessments/7/scorecard`],
      [allIn("en"), `${APP_URL}/assessments/7`],
      [invitation("en"), `${APP_URL}/invite/abc123`],
    ];
    for (const [message, url] of pages) {
      expect(message.text, message.kind).toContain(url);
      expect(message.html, message.kind).toContain(`<a href="${url}">`);
    }
  });
});

describe("the assigned message", () => {
  it("attaches a calendar file only when the interview has a time", () => {
    expect(assignedMessage(place(), recruiter).calendar).not.toBeNull();
    const unscheduled = assignedMessage(place({ interview: null, scorecardDueAt: null }), recruiter);
    expect(unscheduled.calendar).toBeNull();
    expect(unscheduled.text).toContain("No interview time is set yet.");
    expect(unscheduled.text).not.toContain("invite.ics");
  });

  it("starts the calendar entry at the interview in UTC and makes it an hour long", () => {
    // 10:00 in Madrid on 2026-12-05 is 09:00 UTC.
    const calendar = assignedMessage(place(), recruiter).calendar ?? "";
    expect(calendar).toContain("BEGIN:VCALENDAR");
    expect(calendar).toContain("METHOD:REQUEST");
    expect(calendar).toContain("DTSTART:20261205T090000Z");
    expect(calendar).toContain("DTEND:20261205T100000Z");
    expect(calendar).not.toContain("TZID");
  });

  it("keeps one calendar UID per assessment and interviewer, with a sequence that grows, so a new time updates the entry", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-01T08:00:00.000Z"));
    const first = assignedMessage(place(), recruiter).calendar ?? "";
    vi.setSystemTime(new Date("2026-12-02T08:00:00.000Z"));
    const moved =
      assignedMessage(place({ interview: { at: "2026-12-05T15:00:00.000Z", timeZone: "Europe/Madrid" } }), recruiter).calendar ?? "";
    const uid = (calendar: string) => /^UID:(.*)$/m.exec(calendar)?.[1]?.trim();
    const sequence = (calendar: string) => Number(/^SEQUENCE:(\d+)/m.exec(calendar)?.[1]);
    expect(uid(first)).toBe("assessment-7-interviewer-3@traitkit");
    expect(uid(moved)).toBe(uid(first));
    expect(sequence(moved)).toBeGreaterThan(sequence(first));
    const other = assignedMessage(place({ interviewer: { ...interviewer("en"), userId: 4 } }), recruiter).calendar ?? "";
    expect(uid(other)).toBe("assessment-7-interviewer-4@traitkit");
    const otherAssessment = assignedMessage(place({ assessmentId: 8 }), recruiter).calendar ?? "";
    expect(uid(otherAssessment)).toBe("assessment-8-interviewer-3@traitkit");
  });

  it("tells the interview time in its own zone and names the zone", () => {
    const message = assignedMessage(place(), recruiter);
    expect(message.text).toContain("Europe/Madrid");
    expect(message.text).toMatch(/10:00/);
    expect(message.kind).toBe("assigned");
    expect(message.to).toBe("ana@example.com");
    expect(message.recipientUserId).toBe(3);
    expect(message.assessmentId).toBe(7);
    expect(message.createdBy).toBe(1);
    expect(message.dedupeKey).toBeNull();
  });
});

describe("the reminder", () => {
  it("is once per assessment, interviewer and due time: its dedupe key names all three", () => {
    const key = reminder({ assessmentId: 417, interviewer: { ...interviewer("en"), userId: 93 } }).dedupeKey ?? "";
    expect(key).toContain("417");
    expect(key).toContain("93");
    expect(key).toContain("2026-12-06T09:00:00.000Z");
    expect(key).toBe(reminder({ assessmentId: 417, interviewer: { ...interviewer("es"), userId: 93 } }).dedupeKey);
    expect(reminder().dedupeKey).toBe("reminder:7:3:2026-12-06T09:00:00.000Z");
    const base = reminder().dedupeKey;
    expect(reminder({ scorecardDueAt: "2026-12-07T09:00:00.000Z" }).dedupeKey).not.toBe(base);
    expect(reminder({ interviewer: { ...interviewer("en"), userId: 4 } }).dedupeKey).not.toBe(base);
    expect(reminder({ assessmentId: 8 }).dedupeKey).not.toBe(base);
  });

  it("is in the interviewer's language and sent by nobody", () => {
    const es = reminder({ interviewer: interviewer("es") });
    expect(es.subject).toBe("Scorecard vencida: Sam Lee");
    expect(es.kind).toBe("reminder");
    expect(es.createdBy).toBeNull();
    expect(es.calendar).toBeNull();
  });
});

describe("the all-in message", () => {
  it("tells again after a reopen and a new completing submission, once each: the key follows completedAt", () => {
    const key = allIn("en", { assessmentId: 417 }).dedupeKey;
    expect(key).toContain("417");
    expect(key).toContain("2026-12-06T10:00:00.000Z");
    expect(allIn("es", { assessmentId: 417 }).dedupeKey).toBe(key);
    expect(allIn("en", { assessmentId: 417, submittedCount: 4 }).dedupeKey).toBe(key);
    expect(allIn("en", { assessmentId: 417, completedAt: "2026-12-08T10:00:00.000Z" }).dedupeKey).not.toBe(key);
    expect(allIn("en", { assessmentId: 8 }).dedupeKey).not.toBe(key);
  });

  it("goes to the recruiter in their language with the count of scorecards", () => {
    const es = allIn("es");
    expect(es.to).toBe("rita@example.com");
    expect(es.subject).toBe("Todas las scorecards están enviadas: Sam Lee");
    expect(es.text).toContain("(3)");
    expect(es.kind).toBe("all_in");
  });
});

describe("the invitation", () => {
  it("names the inviter and the role in the recipient's language, with the link", () => {
    const en = invitation("en", "recruiter");
    expect(en.subject).toBe("Rita Recruiter invited you to Traitkit");
    expect(en.text).toContain("Rita Recruiter invited you to join Traitkit as recruiter.");
    expect(en.text).toContain(`${APP_URL}/invite/abc123`);
    const es = invitation("es", "interviewer");
    expect(es.subject).toBe("Rita Recruiter le invitó a Traitkit");
    expect(es.text).toContain("como entrevistador.");
    expect(es.text).not.toContain("interviewer");
    expect(invitation("es", "recruiter").text).toContain("como reclutador.");
    expect(es.html).toContain(`<a href="${APP_URL}/invite/abc123">Crear su cuenta</a>`);
  });

  it("goes to an address with no account yet, with no calendar and no dedupe key", () => {
    const message = invitation("en");
    expect(message.kind).toBe("invitation");
    expect(message.to).toBe("new@example.com");
    expect(message.recipientUserId).toBeNull();
    expect(message.assessmentId).toBeNull();
    expect(message.createdBy).toBe(1);
    expect(message.calendar).toBeNull();
    expect(message.dedupeKey).toBeNull();
    expect(message.text.startsWith("Hello,")).toBe(true);
  });

  it("tells when the link expires", () => {
    expect(invitation("en").text).toContain("The link works once and expires on Dec 12, 2026");
  });
});

describe("the questionnaire link's message", () => {
  const questionnaireUrl = `${APP_URL}/q/abc_DEF-123`;
  const message = (language: UiLanguage, expiresAt: string | null = "2026-12-20T00:00:00.000Z") =>
    questionnaireLinkMessage({
      appUrl: APP_URL,
      assessmentId: 7,
      candidate: { email: "sam@example.com", name: "Sam <Lee>" },
      roleName: "Backend engineer",
      questionnaireUrl,
      expiresAt,
      recruiter,
      language,
    });

  it.each(LANGUAGES)("goes to the candidate in %s, as text and HTML, with the link and nothing of the interview", (language) => {
    const m = message(language);
    expect(m.kind).toBe("questionnaire_link");
    expect(m.to).toBe("sam@example.com");
    expect(m.recipientUserId).toBeNull();
    expect(m.text).toContain(questionnaireUrl);
    expect(m.html).toContain(`href="${questionnaireUrl}"`);
    expect(m.html).toContain(`lang="${language}"`);
    // The candidate's name is escaped in the HTML, never pasted in.
    expect(m.html).toContain("Sam &lt;Lee&gt;");
    expect(m.text).not.toContain("/assessments/");
  });

  it("says when the link stops working, or that it works until withdrawn", () => {
    expect(message("en").text).toContain("The link works until");
    expect(message("es", null).text).toContain("El enlace funciona hasta que el equipo lo retire.");
    expect(message("es").subject).toBe("Un breve cuestionario sobre usted: Backend engineer");
  });
});

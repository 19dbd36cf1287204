import { describe, expect, it } from "vitest";
import { interviewTimeSchema } from "../../app/schemas/interview-time";

type Posted = Partial<Record<"interviewAt" | "interviewTimeZone" | "scorecardDueAt", string>>;

/** The issues of a post as "path: message", or the parsed value when it is taken. */
function check(posted: Posted) {
  const parsed = interviewTimeSchema.safeParse(posted);
  if (parsed.success) return { ok: true as const, data: parsed.data };
  return { ok: false as const, issues: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) };
}

describe("an interview time is a wall-clock time in a zone, with an optional due time", () => {
  it("reads all fields empty, or missing, as not scheduled", () => {
    const none = { ok: true, data: { interviewAt: null, interviewTimeZone: null, scorecardDueAt: null } };
    expect(check({ interviewAt: "", interviewTimeZone: "", scorecardDueAt: "" })).toEqual(none);
    expect(check({})).toEqual(none);
    expect(check({ interviewAt: "  ", interviewTimeZone: " ", scorecardDueAt: "" })).toEqual(none);
  });

  it("takes a time and a zone, with or without a later due time, trimmed", () => {
    expect(check({ interviewAt: "2026-12-05T10:00", interviewTimeZone: "Europe/Madrid", scorecardDueAt: "" })).toEqual({
      ok: true,
      data: { interviewAt: "2026-12-05T10:00", interviewTimeZone: "Europe/Madrid", scorecardDueAt: null },
    });
    expect(check({ interviewAt: " 2026-12-05T10:00 ", interviewTimeZone: " UTC ", scorecardDueAt: "2026-12-06T10:00" })).toEqual({
      ok: true,
      data: { interviewAt: "2026-12-05T10:00", interviewTimeZone: "UTC", scorecardDueAt: "2026-12-06T10:00" },
    });
  });

  it("asks for the zone of a time given without one", () => {
    expect(check({ interviewAt: "2026-12-05T10:00", interviewTimeZone: "" })).toEqual({
      ok: false,
      issues: ["interviewTimeZone: validation.timeZoneRequired"],
    });
  });

  it("refuses a zone it does not know, a long one too, by the zone field", () => {
    expect(check({ interviewAt: "2026-12-05T10:00", interviewTimeZone: "Mars/Olympus" })).toEqual({
      ok: false,
      issues: ["interviewTimeZone: validation.timeZoneUnknown"],
    });
    const long = check({ interviewAt: "2026-12-05T10:00", interviewTimeZone: `Europe/${"a".repeat(80)}` });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.issues.every((issue) => issue === "interviewTimeZone: validation.timeZoneUnknown")).toBe(true);
  });

  it("asks for the interview time when only a due time is given", () => {
    expect(check({ interviewTimeZone: "Europe/Madrid", scorecardDueAt: "2026-12-06T10:00" })).toEqual({
      ok: false,
      issues: ["interviewAt: validation.interviewTimeRequired"],
    });
  });

  it("refuses a due time at or before the interview, by the due field", () => {
    for (const due of ["2026-12-05T10:00", "2026-12-05T09:59", "2026-11-30T23:00"]) {
      expect(check({ interviewAt: "2026-12-05T10:00", interviewTimeZone: "Europe/Madrid", scorecardDueAt: due }), due).toEqual({
        ok: false,
        issues: ["scorecardDueAt: validation.dueBeforeInterview"],
      });
    }
    expect(check({ interviewAt: "2026-12-05T10:00", interviewTimeZone: "Europe/Madrid", scorecardDueAt: "2026-12-05T10:01" }).ok).toBe(
      true,
    );
  });

  it("refuses a time in any other format than a datetime-local field's, by its field", () => {
    for (const posted of ["2026-12-05 10:00", "05/12/2026 10:00", "2026-12-05T10:00:00", "tomorrow"]) {
      const interview = check({ interviewAt: posted, interviewTimeZone: "Europe/Madrid" });
      expect(interview.ok, posted).toBe(false);
      if (!interview.ok) expect(interview.issues, posted).toContain("interviewAt: validation.interviewTimeInvalid");
      const due = check({ interviewAt: "2026-12-05T10:00", interviewTimeZone: "Europe/Madrid", scorecardDueAt: posted });
      expect(due.ok, posted).toBe(false);
      if (!due.ok) expect(due.issues, posted).toContain("scorecardDueAt: validation.interviewTimeInvalid");
    }
  });
});

import { describe, expect, it } from "vitest";
import { dueState, isOverdue, scorecardDueAt } from "./scorecard-due";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const now = new Date("2026-12-05T12:00:00.000Z");
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

describe("scorecardDueAt", () => {
  it("adds the due hours to the interview time", () => {
    expect(scorecardDueAt(new Date("2026-12-05T09:00:00.000Z"), 24).toISOString()).toBe("2026-12-06T09:00:00.000Z");
    expect(scorecardDueAt(new Date("2026-12-05T09:00:00.000Z"), 1).toISOString()).toBe("2026-12-05T10:00:00.000Z");
  });

  it("counts real hours, not wall-clock ones, across a daylight-saving change", () => {
    // Madrid's clocks go back at 01:00 UTC on 2026-10-25: 24 hours later is still 24 hours of instants.
    expect(scorecardDueAt(new Date("2026-10-24T22:00:00.000Z"), 24).toISOString()).toBe("2026-10-25T22:00:00.000Z");
  });

  it("does not change the interview time it is given", () => {
    const interview = new Date("2026-12-05T09:00:00.000Z");
    scorecardDueAt(interview, 48);
    expect(interview.toISOString()).toBe("2026-12-05T09:00:00.000Z");
  });
});

describe("dueState", () => {
  it("is none when there is no due time or the scorecard is submitted, even long overdue", () => {
    expect(dueState(null, false, now)).toEqual({ state: "none" });
    expect(dueState(at(-10 * DAY), true, now)).toEqual({ state: "none" });
    expect(dueState(at(3 * HOUR), true, now)).toEqual({ state: "none" });
  });

  it("tells minutes under an hour, rounded down", () => {
    expect(dueState(at(59 * MINUTE + 59_000), false, now)).toEqual({ state: "due", amount: 59, unit: "minute" });
    expect(dueState(at(-(5 * MINUTE + 30_000)), false, now)).toEqual({ state: "overdue", amount: 5, unit: "minute" });
  });

  it("never says 0: 40 seconds either way is 1 minute", () => {
    expect(dueState(at(40_000), false, now)).toEqual({ state: "due", amount: 1, unit: "minute" });
    expect(dueState(at(-40_000), false, now)).toEqual({ state: "overdue", amount: 1, unit: "minute" });
  });

  it("is overdue at the very due time: nothing is left", () => {
    expect(dueState(now, false, now)).toEqual({ state: "overdue", amount: 1, unit: "minute" });
    expect(dueState(at(1), false, now)).toEqual({ state: "due", amount: 1, unit: "minute" });
  });

  it("switches to hours at exactly an hour and tells hours up to 48 hours, rounded down", () => {
    expect(dueState(at(HOUR), false, now)).toEqual({ state: "due", amount: 1, unit: "hour" });
    expect(dueState(at(3 * HOUR + 59 * MINUTE), false, now)).toEqual({ state: "due", amount: 3, unit: "hour" });
    expect(dueState(at(-(47 * HOUR + 59 * MINUTE)), false, now)).toEqual({ state: "overdue", amount: 47, unit: "hour" });
  });

  it("tells 40 hours as hours, not as 1 day", () => {
    expect(dueState(at(40 * HOUR), false, now)).toEqual({ state: "due", amount: 40, unit: "hour" });
  });

  it("switches to days at exactly 48 hours and rounds days down", () => {
    expect(dueState(at(48 * HOUR), false, now)).toEqual({ state: "due", amount: 2, unit: "day" });
    expect(dueState(at(-(2 * DAY + 23 * HOUR)), false, now)).toEqual({ state: "overdue", amount: 2, unit: "day" });
    expect(dueState(at(-30 * DAY), false, now)).toEqual({ state: "overdue", amount: 30, unit: "day" });
  });
});

describe("isOverdue", () => {
  it("is true once the due time has come without a submitted scorecard", () => {
    expect(isOverdue(now, false, now)).toBe(true);
    expect(isOverdue(at(-DAY), false, now)).toBe(true);
  });

  it("is false before the due time, once submitted, and without a due time", () => {
    expect(isOverdue(at(1), false, now)).toBe(false);
    expect(isOverdue(at(-DAY), true, now)).toBe(false);
    expect(isOverdue(null, false, now)).toBe(false);
  });
});

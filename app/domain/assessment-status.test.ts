import { describe, expect, it } from "vitest";
import { ASSESSMENT_STATUSES, assessmentStatus } from "./assessment-status";

describe("an assessment is waiting for scorecards, ready for debrief, or decided", () => {
  it("lists the three statuses in the order of the loop", () => {
    expect(ASSESSMENT_STATUSES).toEqual(["waiting", "ready", "decided"]);
  });

  it("waits while fewer scorecards are submitted than interviewers are assigned", () => {
    expect(assessmentStatus({ submitted: 0, assigned: 2, decided: false })).toBe("waiting");
    expect(assessmentStatus({ submitted: 1, assigned: 2, decided: false })).toBe("waiting");
  });

  it("is ready once every interviewer has submitted and nothing is decided", () => {
    expect(assessmentStatus({ submitted: 2, assigned: 2, decided: false })).toBe("ready");
  });

  it("is decided once a decision exists, even with scorecards still missing", () => {
    expect(assessmentStatus({ submitted: 2, assigned: 2, decided: true })).toBe("decided");
    expect(assessmentStatus({ submitted: 0, assigned: 3, decided: true })).toBe("decided");
  });
});

import { describe, expect, it } from "vitest";
import { debriefState } from "./debrief";

const at = (minute: number) => `2026-12-04T10:${String(minute).padStart(2, "0")}:00.000Z`;

describe("debriefState", () => {
  it("is not ready while a scorecard of the panel is missing", () => {
    expect(debriefState({ assigned: 2, submitted: 1, lastSubmittedAt: at(1), lastDecidedAt: null })).toBe("not_ready");
    expect(debriefState({ assigned: 0, submitted: 0, lastSubmittedAt: null, lastDecidedAt: null })).toBe("not_ready");
  });

  it("opens when every interviewer has submitted and nothing was decided since", () => {
    expect(debriefState({ assigned: 2, submitted: 2, lastSubmittedAt: at(5), lastDecidedAt: null })).toBe("open");
    // A decision taken before the panel was complete (a hold, say) does not close it.
    expect(debriefState({ assigned: 2, submitted: 2, lastSubmittedAt: at(5), lastDecidedAt: at(4) })).toBe("open");
  });

  it("closes with a decision recorded after the last submission, and opens again when a scorecard is resubmitted later", () => {
    expect(debriefState({ assigned: 2, submitted: 2, lastSubmittedAt: at(5), lastDecidedAt: at(6) })).toBe("closed");
    expect(debriefState({ assigned: 2, submitted: 2, lastSubmittedAt: at(5), lastDecidedAt: at(5) })).toBe("closed");
    expect(debriefState({ assigned: 2, submitted: 2, lastSubmittedAt: at(7), lastDecidedAt: at(6) })).toBe("open");
  });
});

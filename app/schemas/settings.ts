import { z } from "./zod-mini";
import { SCORECARD_DUE_HOURS_MAX, SCORECARD_DUE_HOURS_MIN } from "~/domain/scorecard-due";

/** The team's settings form: hours after an interview its scorecard is due. */
export const dueHoursSchema = z.object({
  hours: z.coerce
    .number({ error: "validation.dueHoursRange" })
    .check(
      z.int("validation.dueHoursRange"),
      z.minimum(SCORECARD_DUE_HOURS_MIN, "validation.dueHoursRange"),
      z.maximum(SCORECARD_DUE_HOURS_MAX, "validation.dueHoursRange"),
    ),
});

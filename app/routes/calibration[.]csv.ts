import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { periodInstants } from "~/domain/calibration";
import { recordAudit } from "~/models/audit.server";
import { CALIBRATION_CSV_HEADER, calibrationCsvRecords, calibrationPage } from "~/models/calibration.server";
import { readCalibrationRequest } from "~/http/calibration.server";
import { getTranslator } from "~/utils/i18n.server";

/**
 * GET /calibration.csv — the page's interviewer rows with its filters (`from`,
 * `to`, `role`), one row per interviewer at full precision: every interviewer
 * for a recruiter, their own row for an interviewer. A filter that cannot be
 * read answers 400 with the reason in plain text, never a file of another period.
 * The rows are a few hundred at most (one per interviewer), so the file is made whole.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, parsed } = await readCalibrationRequest(request, context);
  const isRecruiter = user.role === "recruiter";
  if (!parsed.ok) {
    const { t } = await getTranslator(request, context);
    const lines = Object.entries(parsed.problems).map(([field, problem]) => `${field}: ${t(`calibration.problems.${problem}`)}`);
    return new Response(`${lines.join("\n")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const { query } = parsed;
  const page = await calibrationPage(context.db, { ...periodInstants(query), roleSlug: query.role }, isRecruiter ? null : user.id);
  const body = stringify(calibrationCsvRecords(page.rows), {
    header: true,
    columns: [...CALIBRATION_CSV_HEADER],
    // Full precision: a number as JavaScript writes it, never rounded for reading.
    cast: { number: (value) => String(value) },
  });
  await recordAudit(
    context.db,
    {
      actorUserId: user.id,
      action: "calibration.export",
      entityType: "calibration",
      entityId: null,
      details: { rows: page.rows.length, from: query.from, to: query.to, role: query.role },
    },
    new Date(),
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="calibration.csv"',
      "Cache-Control": "no-store",
    },
  });
}

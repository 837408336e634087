import { apiRoute } from "@/lib/server/api/handler";
import { tableCsv } from "@/lib/csv/downloads";
import { retentionScheduleToday } from "@/lib/server/retention/load";
import { retentionCsvRows } from "@/lib/retention/schedule";

/**
 * The retention schedule's due list as CSV (UTF-8 with a byte-order mark, stable English column
 * keys): one row per month × purpose, with the cohort whose data falls due. Cells a spreadsheet
 * would read as a formula are neutralised (lib/csv/formula.ts).
 */
export const GET = apiRoute("register.export", async () => {
  const schedule = await retentionScheduleToday();
  const [header, ...rows] = retentionCsvRows(schedule);
  const csv = tableCsv(header, rows);
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="retention-due-${schedule.today}.csv"` } });
});

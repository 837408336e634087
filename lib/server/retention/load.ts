import "server-only";
import { loadRecordOfProcessing } from "@/db/queries/record";
import { todayInAlmaty } from "@/lib/register/record";
import { retentionSchedule } from "@/lib/retention/schedule";

/** The schedule as the register stands today (Almaty): three past months and the coming twelve. */
export async function retentionScheduleToday() {
  return retentionSchedule(await loadRecordOfProcessing(), todayInAlmaty(), { pastMonths: 3, futureMonths: 12 });
}

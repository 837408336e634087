import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createCatalogueEntry, setCatalogueEntryArchived, updateCatalogueEntry } from "@/db/queries/catalogue";
import { createCalendarDay, setCalendarDayArchived, updateCalendarDay } from "@/db/queries/calendars";
import { createPurpose, setPurposeArchived, updatePurpose } from "@/db/queries/purposes";
import { publishPolicy } from "@/db/queries/publications";
import { actorOf } from "@/lib/server/auth/actor";
import { calendarDayArchiveInput, calendarDayInput, calendarDayUpdateInput, catalogueArchiveInput, catalogueCreateInput, catalogueUpdateInput } from "@/lib/validation/catalogue";
import { purposeArchiveInput, purposeInput, purposeUpdate } from "@/lib/validation/purpose";
import { publishPolicyInput } from "@/lib/validation/publication";
import { defineAction } from "./define";

// The record of processing changes what the lint, the dashboard and the RoPA show: refresh them all.
const revalidateRecord = () => revalidatePath("/", "layout");

export const createPurposeDef = defineAction({
  name: "purposes.create",
  permission: "register.write",
  schema: purposeInput,
  async handler(input, user) {
    const row = await createPurpose(input, actorOf(user));
    revalidateRecord();
    return { code: row.code };
  },
});

export const updatePurposeDef = defineAction({
  name: "purposes.update",
  permission: "register.write",
  schema: purposeUpdate,
  async handler({ code, expectedVersion, reason, data }, user) {
    const row = await updatePurpose(code, expectedVersion, data, actorOf(user), reason);
    revalidateRecord();
    return { code: row.code, version: row.version };
  },
});

export const archivePurposeDef = defineAction({
  name: "purposes.archive",
  permission: "register.write",
  schema: purposeArchiveInput,
  async handler({ code, archived, expectedVersion, reason }, user) {
    const row = await setPurposeArchived(code, expectedVersion, archived, actorOf(user), reason);
    revalidateRecord();
    return { code: row.code, version: row.version, status: row.status };
  },
});

export const createCatalogueEntryDef = defineAction({
  name: "catalogue.create",
  permission: "register.write",
  schema: catalogueCreateInput,
  async handler(input, user) {
    const row = await createCatalogueEntry(input, actorOf(user));
    revalidateRecord();
    return row;
  },
});

export const updateCatalogueEntryDef = defineAction({
  name: "catalogue.update",
  permission: "register.write",
  schema: catalogueUpdateInput,
  async handler(input, user) {
    const row = await updateCatalogueEntry(input, actorOf(user));
    revalidateRecord();
    return row;
  },
});

export const archiveCatalogueEntryDef = defineAction({
  name: "catalogue.archive",
  permission: "register.write",
  schema: catalogueArchiveInput,
  async handler(input, user) {
    const row = await setCatalogueEntryArchived(input, actorOf(user));
    revalidateRecord();
    return row;
  },
});

export const createCalendarDayDef = defineAction({
  name: "calendars.create",
  permission: "register.write",
  schema: z.object({ data: calendarDayInput }),
  async handler({ data }, user) {
    const row = await createCalendarDay(data, actorOf(user));
    revalidateRecord();
    return { date: row.date, version: row.version };
  },
});

export const updateCalendarDayDef = defineAction({
  name: "calendars.update",
  permission: "register.write",
  schema: calendarDayUpdateInput,
  async handler({ data, expectedVersion, reason }, user) {
    const row = await updateCalendarDay(data, expectedVersion, actorOf(user), reason);
    revalidateRecord();
    return { date: row.date, version: row.version };
  },
});

export const archiveCalendarDayDef = defineAction({
  name: "calendars.archive",
  permission: "register.write",
  schema: calendarDayArchiveInput,
  async handler(input, user) {
    const row = await setCalendarDayArchived(input, actorOf(user));
    revalidateRecord();
    return { date: row.date, version: row.version, status: row.status };
  },
});

export const publishPolicyDef = defineAction({
  name: "policy.publish",
  permission: "register.write",
  schema: publishPolicyInput,
  async handler(input, user) {
    const row = await publishPolicy(input, actorOf(user));
    revalidateRecord();
    return { version: row.version };
  },
});

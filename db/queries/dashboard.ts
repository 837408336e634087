import "server-only";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { countries, recipients } from "../schema";

/** Counts for the dashboard's tiles and chart. */
export async function registerSummary(db: Db = getDb()) {
  const current = inArray(recipients.status, ["active", "suspended"]);
  const [totals] = await db
    .select({
      active: sql<number>`count(*) filter (where ${recipients.status} = 'active')`,
      suspended: sql<number>`count(*) filter (where ${recipients.status} = 'suspended')`,
      crossBorder: sql<number>`count(*) filter (where ${recipients.crossBorder} and ${recipients.status} <> 'archived')`,
      processors: sql<number>`count(*) filter (where ${recipients.role} = 'processor' and ${recipients.status} <> 'archived')`,
    })
    .from(recipients);
  const byCountry = await db
    .select({ code: countries.code, nameEn: countries.nameEn, nameKk: countries.nameKk, nameRu: countries.nameRu, crossBorder: sql<boolean>`bool_or(${recipients.crossBorder})`, count: count() })
    .from(recipients)
    .innerJoin(countries, eq(countries.code, recipients.countryCode))
    .where(and(current))
    .groupBy(countries.code, countries.nameEn, countries.nameKk, countries.nameRu)
    .orderBy(sql`count(*) desc`);
  return {
    active: Number(totals.active),
    suspended: Number(totals.suspended),
    crossBorder: Number(totals.crossBorder),
    processors: Number(totals.processors),
    byCountry: byCountry.map((r) => ({ ...r, count: Number(r.count) })),
  };
}

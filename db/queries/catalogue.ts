import "server-only";
import { asc } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { processingActions } from "../schema";

export async function processingActionNames(db: Db = getDb()) {
  return db.select().from(processingActions).orderBy(asc(processingActions.position));
}

import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { emailOutbox, notificationReads, notifications, users } from "../schema";
import type { Role } from "@/lib/auth/permissions";
import { localeOrDefault, renderEmail, type NotificationKind, type NotificationParams } from "@/lib/notifications/render";
import { portalUrl } from "@/lib/env";

/** Who reads: the person and their role (role-wide notifications reach everyone in it but their actor). */
export type Reader = { id: string; role: Role };

/**
 * Notifies one person or everyone in a role, in app and by email (queued in email_outbox in each
 * addressee's language). Called inside the transaction of the change it reports, so the change and
 * its notices are written together or not at all.
 */
export async function notify(
  db: Db,
  to: { userId: string } | { role: Role },
  n: { kind: NotificationKind; params: NotificationParams; link: string; actorUserId: string | null },
) {
  const audience = "userId" in to ? { userId: to.userId, role: null } : { userId: null, role: to.role };
  await db.insert(notifications).values({ ...audience, kind: n.kind, params: n.params, link: n.link, actorUserId: n.actorUserId });
  const people = await db
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where("userId" in to ? eq(users.id, to.userId) : and(eq(users.role, to.role), eq(users.active, true)));
  const emails = people
    .filter((p) => p.id !== n.actorUserId)
    .map((p) => {
      const locale = localeOrDefault(p.locale);
      return { to: p.email, locale, kind: n.kind, ...renderEmail(n.kind, locale, n.params, `${portalUrl()}${n.link}`) };
    });
  if (emails.length) await db.insert(emailOutbox).values(emails);
}

function visibleTo(reader: Reader): SQL {
  return or(
    eq(notifications.userId, reader.id),
    and(eq(notifications.role, reader.role), or(isNull(notifications.actorUserId), ne(notifications.actorUserId, reader.id))),
  )!;
}

const readByReader = (reader: Reader) =>
  sql<boolean>`(${notifications.readAt} is not null or exists (select 1 from ${notificationReads} r where r.notification_id = ${notifications.id} and r.user_id = ${reader.id}))`;

/** The newest notifications a person can see, each with whether they have read it. */
export async function listNotifications(reader: Reader, limit = 15, db: Db = getDb()) {
  return db
    .select({ id: notifications.id, kind: notifications.kind, params: notifications.params, link: notifications.link, createdAt: notifications.createdAt, read: readByReader(reader) })
    .from(notifications)
    .where(visibleTo(reader))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function countUnreadNotifications(reader: Reader, db: Db = getDb()) {
  const [{ n }] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(visibleTo(reader), sql`not ${readByReader(reader)}`));
  return Number(n);
}

/** Marks notifications read for this person: their own by read_at, role-wide ones in notification_reads. */
export async function markNotificationsRead(reader: Reader, which: { ids: string[] } | { all: true }, db: Db = getDb()) {
  return db.transaction(async (tx) => {
    const scope = "ids" in which ? and(visibleTo(reader), inArray(notifications.id, which.ids)) : visibleTo(reader);
    await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(scope, eq(notifications.userId, reader.id), isNull(notifications.readAt)));
    const roleWide = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(scope, isNull(notifications.userId)));
    if (roleWide.length) {
      await tx
        .insert(notificationReads)
        .values(roleWide.map((r) => ({ notificationId: r.id, userId: reader.id })))
        .onConflictDoNothing();
    }
  });
}

/** For a mail sender: the oldest unsent emails. */
export async function unsentEmails(limit = 50, db: Db = getDb()) {
  return db.select().from(emailOutbox).where(isNull(emailOutbox.sentAt)).orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id)).limit(limit);
}

/** For a mail sender: records that these emails went out. */
export async function markEmailsSent(ids: string[], db: Db = getDb()) {
  if (!ids.length) return;
  await db.update(emailOutbox).set({ sentAt: sql`now()` }).where(and(inArray(emailOutbox.id, ids), isNull(emailOutbox.sentAt)));
}

import type { Transporter } from "nodemailer";
import { db } from "../../db";
import { env } from "../../env";
import { log } from "../../log";
import { currentExcerpt } from "./dto";
import { notificationKindVerbs, type DigestFrequency, type NotificationKind } from "./kinds";
import { ensureSettingsRow } from "./settings";

export const digestPeriodMs: Record<Exclude<DigestFrequency, "OFF">, number> = {
  DAILY: 24 * 60 * 60 * 1000,
  WEEKLY: 7 * 24 * 60 * 60 * 1000,
};

/** More would make a long e-mail nobody reads; the rest is one link away. */
export const DIGEST_MAX_ITEMS = 50;

export interface DigestOptions {
  transport: Pick<Transporter, "sendMail">;
  now?: Date;
  /** public address for links, without a trailing slash */
  baseUrl?: string;
  from?: string;
}

interface DigestItem {
  kind: NotificationKind;
  actorName: string | null;
  title: string;
  excerpt: string;
  link: string;
  createdAt: Date;
}

export interface DigestMail {
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
  oneClickUrl: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const dateTime = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" });

/** Links in notifications are paths of this site; anything else is not put into an e-mail. */
const absolute = (baseUrl: string, link: string) => (link.startsWith("/") && !link.startsWith("//") ? `${baseUrl}${link}` : `${baseUrl}/benachrichtigungen`);

/** The digest e-mail in German, as plain text and HTML; every user-written text is escaped in the HTML. */
export function renderDigest(input: { name: string; frequency: Exclude<DigestFrequency, "OFF">; items: DigestItem[]; more: number; token: string; baseUrl: string }): DigestMail {
  const { name, frequency, items, more, token, baseUrl } = input;
  const total = items.length + more;
  const since = frequency === "DAILY" ? "seit gestern" : "in der letzten Woche";
  const count = total === 1 ? "eine ungelesene Benachrichtigung" : `${total} ungelesene Benachrichtigungen`;
  const subject = `GDST: ${total === 1 ? "1 neue Benachrichtigung" : `${total} neue Benachrichtigungen`}`;
  const unsubscribeUrl = `${baseUrl}/abmelden/benachrichtigungen?token=${token}`;
  const oneClickUrl = `${baseUrl}/api/benachrichtigungen/abmelden?token=${token}`;
  const listUrl = `${baseUrl}/benachrichtigungen`;
  const settingsUrl = `${baseUrl}/einstellungen/benachrichtigungen`;
  const headline = (item: DigestItem) => `${item.actorName ?? "Jemand"} ${notificationKindVerbs[item.kind]}`;

  const text = [
    `Guten Tag ${name},`,
    "",
    `${since} gibt es ${count} für Sie auf der GDST-Plattform:`,
    "",
    ...items.flatMap((item) => [`- ${headline(item)}: „${item.title}“ (${dateTime.format(item.createdAt)})`, ...(item.excerpt ? [`  ${item.excerpt}`] : []), `  ${absolute(baseUrl, item.link)}`, ""]),
    ...(more ? [`… und ${more} weitere.`, ""] : []),
    `Alle Benachrichtigungen: ${listUrl}`,
    `Einstellungen: ${settingsUrl}`,
    "",
    `Sie erhalten diese E-Mail, weil Sie eine ${frequency === "DAILY" ? "tägliche" : "wöchentliche"} Zusammenfassung eingestellt haben.`,
    `Keine Zusammenfassungen mehr per E-Mail: ${unsubscribeUrl}`,
  ].join("\n");

  const html = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, sans-serif; color: #1e293b; line-height: 1.5; max-width: 40rem;">
<p>Guten Tag ${escapeHtml(name)},</p>
<p>${since} gibt es ${count} für Sie auf der GDST-Plattform:</p>
<ul style="padding-left: 1.2rem;">
${items
  .map(
    (item) => `<li style="margin-bottom: 1rem; overflow-wrap: anywhere;"><strong>${escapeHtml(headline(item))}</strong>: <a href="${escapeHtml(absolute(baseUrl, item.link))}">${escapeHtml(item.title)}</a>
<br><span style="color: #475569;">${escapeHtml(dateTime.format(item.createdAt))}</span>${item.excerpt ? `<br>${escapeHtml(item.excerpt)}` : ""}</li>`,
  )
  .join("\n")}
</ul>
${more ? `<p>… und ${more} weitere.</p>` : ""}
<p><a href="${escapeHtml(listUrl)}">Alle Benachrichtigungen</a> · <a href="${escapeHtml(settingsUrl)}">Einstellungen</a></p>
<p style="font-size: 0.875rem; color: #475569;">Sie erhalten diese E-Mail, weil Sie eine ${frequency === "DAILY" ? "tägliche" : "wöchentliche"} Zusammenfassung eingestellt haben.
<a href="${escapeHtml(unsubscribeUrl)}">Keine Zusammenfassungen mehr per E-Mail</a></p>
</body></html>`;
  return { subject, text, html, unsubscribeUrl, oneClickUrl };
}

/**
 * Sends every digest that is due: to each active user whose period since the last digest has
 * passed, their unread notifications of the period not yet e-mailed. Safe with several processes:
 * a process claims a user's digest by moving `lastDigestAt` from the value it read (compare and
 * set); the other process's update then matches nothing and it skips that user. A failed send gives
 * the claim back, so the next run tries again. Returns how many e-mails went out.
 */
export async function sendDueDigests(options: DigestOptions): Promise<number> {
  const now = options.now ?? new Date();
  const baseUrl = (options.baseUrl ?? env.publicUrl).replace(/\/+$/, "");
  const from = options.from ?? env.mailFrom;
  let sent = 0;
  for (const frequency of ["DAILY", "WEEKLY"] as const) {
    const periodStart = new Date(now.getTime() - digestPeriodMs[frequency]);
    const due = await db().notificationSettings.findMany({
      where: { digest: frequency, user: { deactivatedAt: null }, OR: [{ lastDigestAt: null }, { lastDigestAt: { lte: periodStart } }] },
      select: { userId: true, lastDigestAt: true, unsubscribeToken: true, user: { select: { name: true, email: true } } },
      orderBy: { userId: "asc" },
    });
    for (const settings of due) {
      const claimed = await db().notificationSettings.updateMany({
        where: { userId: settings.userId, digest: frequency, lastDigestAt: settings.lastDigestAt },
        data: { lastDigestAt: now },
      });
      if (claimed.count === 0) continue;
      const where = { recipientId: settings.userId, readAt: null, emailedAt: null, createdAt: { gt: periodStart, lte: now } };
      const [rows, total] = await Promise.all([
        db().notification.findMany({
          where,
          select: {
            id: true,
            kind: true,
            title: true,
            excerpt: true,
            link: true,
            createdAt: true,
            actor: { select: { name: true } },
            post: { select: { deletedAt: true, hiddenAt: true } },
          },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: DIGEST_MAX_ITEMS,
        }),
        db().notification.count({ where }),
      ]);
      if (rows.length === 0) continue;
      const mail = renderDigest({
        name: settings.user.name,
        frequency,
        items: rows.map((row) => ({ ...row, excerpt: currentExcerpt(row), actorName: row.actor?.name ?? null })),
        more: total - rows.length,
        token: settings.unsubscribeToken,
        baseUrl,
      });
      try {
        await options.transport.sendMail({
          from,
          to: { name: settings.user.name, address: settings.user.email },
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: { "List-Unsubscribe": `<${mail.oneClickUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        });
      } catch (error) {
        log().warn({ err: error, userId: settings.userId }, "Zusammenfassung per E-Mail konnte nicht verschickt werden; nächster Versuch beim nächsten Lauf");
        await db().notificationSettings.updateMany({ where: { userId: settings.userId, lastDigestAt: now }, data: { lastDigestAt: settings.lastDigestAt } });
        continue;
      }
      // all of the period counts as e-mailed, also what did not fit into the e-mail: the link covers it
      await db().notification.updateMany({ where, data: { emailedAt: now } });
      sent++;
    }
  }
  return sent;
}

/** The settings row's unsubscribe token; created on first use (tests, the settings page). */
export async function unsubscribeTokenOf(userId: string): Promise<string> {
  return (await ensureSettingsRow(db(), userId)).unsubscribeToken;
}

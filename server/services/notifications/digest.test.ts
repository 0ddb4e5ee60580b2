import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { simpleParser, type ParsedMail } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { db } from "../../db";
import { createTestUser, openTestDatabase } from "../../test/test-db";
import { sendDueDigests } from "./digest";
import { notify } from "./notify";
import { updateNotificationSettings } from "./settings";
import { unsubscribeDigest } from "./unsubscribe";

const { actors } = await openTestDatabase();
const { moderator } = actors;
const BASE = "https://gdst.example";
const DAY = 24 * 60 * 60 * 1000;

// a real SMTP server on a free port: the digest goes through nodemailer and the SMTP protocol
const received: ParsedMail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received.push(mail);
        callback();
      })
      .catch(callback);
  },
});
let transport: nodemailer.Transporter;
before(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  transport = nodemailer.createTransport(`smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`);
});
after(async () => {
  transport.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function userWithDigest(frequency: "DAILY" | "WEEKLY", lastDigestAt: Date) {
  const user = await createTestUser("PARTICIPANT");
  await updateNotificationSettings(user, { disabledKinds: [], digest: frequency });
  await db().notificationSettings.update({ where: { userId: user.id }, data: { lastDigestAt } });
  return user;
}

async function notification(recipientId: string, title: string, data: { createdAt?: Date; readAt?: Date; emailedAt?: Date } = {}) {
  await notify(db(), [{ kind: "REPORT_OUTCOME", recipientIds: [recipientId], actorId: moderator.id, title, excerpt: `Auszug zu ${title}`, link: "/beitraege/abc", readAction: null }]);
  const row = await db().notification.findFirstOrThrow({ where: { recipientId, title }, select: { id: true } });
  await db().notification.update({ where: { id: row.id }, data });
  return row.id;
}

const mailsTo = (email: string) => received.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.value[0]?.address === email);

test("[digest] a due daily digest sends the period's unread, not yet e-mailed notifications in German, as HTML and text", async () => {
  const now = new Date();
  const user = await userWithDigest("DAILY", new Date(now.getTime() - DAY - 60_000));
  const hostile = "<script>alert(1)</script> & „Tür“";
  const wanted = await notification(user.id, hostile, { createdAt: new Date(now.getTime() - 60 * 60 * 1000) });
  await notification(user.id, "Schon gelesen", { readAt: new Date() });
  await notification(user.id, "Zu alt", { createdAt: new Date(now.getTime() - 2 * DAY) });
  await notification(user.id, "Schon verschickt", { emailedAt: new Date() });

  assert.equal(await sendDueDigests({ transport, now, baseUrl: BASE, from: "GDST <noreply@gdst.example>" }), 1);
  const [mail] = mailsTo(user.email);
  assert.ok(mail, "the digest arrived");
  assert.equal(mail.subject, "GDST: 1 neue Benachrichtigung");
  assert.match(mail.text ?? "", new RegExp(`^Guten Tag ${user.name},`));
  assert.match(mail.text ?? "", /seit gestern gibt es eine ungelesene Benachrichtigung/);
  assert.ok(mail.text?.includes(`„${hostile}“`));
  assert.ok(mail.text?.includes(`${BASE}/beitraege/abc`));
  assert.ok(!/Schon gelesen|Zu alt|Schon verschickt/.test(mail.text ?? ""));
  const html = String(mail.html);
  assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt; &amp; „Tür“"));
  assert.ok(!html.includes("<script>"));
  assert.ok(html.includes(`href="${BASE}/beitraege/abc"`));
  assert.match(html, /<html lang="de">/);

  const settings = await db().notificationSettings.findUniqueOrThrow({ where: { userId: user.id } });
  const unsubscribeUrl = `${BASE}/abmelden/benachrichtigungen?token=${settings.unsubscribeToken}`;
  assert.ok(mail.text?.includes(unsubscribeUrl));
  assert.ok(html.includes(`href="${unsubscribeUrl}"`));
  // unfolded: a long header line is wrapped after "List-Unsubscribe:"
  const rawHeader = (name: string) => (mail.headerLines.find((line) => line.key === name)?.line ?? "").replace(/\r?\n[ \t]+/g, " ");
  assert.equal(rawHeader("list-unsubscribe-post"), "List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  assert.equal(rawHeader("list-unsubscribe"), `List-Unsubscribe: <${BASE}/api/benachrichtigungen/abmelden?token=${settings.unsubscribeToken}>`);

  assert.ok((await db().notification.findUniqueOrThrow({ where: { id: wanted } })).emailedAt);
  // the next run, and a run a minute later, send nothing: the period has not passed
  assert.equal(await sendDueDigests({ transport, now, baseUrl: BASE }), 0);
  assert.equal(await sendDueDigests({ transport, now: new Date(now.getTime() + 60_000), baseUrl: BASE }), 0);
  assert.equal(mailsTo(user.email).length, 1);

  // the link in the e-mail switches the digest off without signing in
  const token = new URL(unsubscribeUrl).searchParams.get("token");
  assert.deepEqual(await unsubscribeDigest(token), { name: user.name });
  assert.equal((await db().notificationSettings.findUniqueOrThrow({ where: { userId: user.id } })).digest, "OFF");
});

test("[digest] two processes running at once send each digest once", async () => {
  const now = new Date();
  const user = await userWithDigest("WEEKLY", new Date(now.getTime() - 8 * DAY));
  await notification(user.id, "Einmal bitte");
  const later = new Date();
  const results = await Promise.all([sendDueDigests({ transport, now: later, baseUrl: BASE }), sendDueDigests({ transport, now: later, baseUrl: BASE })]);
  assert.ok(results.every((sent) => sent <= 1));
  assert.equal(mailsTo(user.email).length, 1);
  assert.match(mailsTo(user.email)[0].text ?? "", /in der letzten Woche/);
});

test("[digest] nothing new, digest off or a deactivated user: no e-mail; a failed send is tried again next run", async () => {
  const now = new Date();
  const quiet = await userWithDigest("DAILY", new Date(now.getTime() - 2 * DAY));
  const off = await userWithDigest("DAILY", new Date(now.getTime() - 2 * DAY));
  await notification(off.id, "Aus");
  await updateNotificationSettings(off, { disabledKinds: [], digest: "OFF" });
  const gone = await userWithDigest("DAILY", new Date(now.getTime() - 2 * DAY));
  await notification(gone.id, "Weg");
  await db().user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
  const retry = await userWithDigest("DAILY", new Date(now.getTime() - 2 * DAY));
  await notification(retry.id, "Nochmal");

  const failing = { sendMail: () => Promise.reject(new Error("SMTP nicht erreichbar")) };
  const later = new Date();
  assert.equal(await sendDueDigests({ transport: failing, now: later, baseUrl: BASE }), 0);
  assert.equal(await sendDueDigests({ transport, now: later, baseUrl: BASE }), 1);
  assert.equal(mailsTo(retry.email).length, 1);
  for (const user of [quiet, off, gone]) assert.equal(mailsTo(user.email).length, 0);
});

test("[digest] unsubscribing needs the exact token: malformed or unknown ones change nothing", async () => {
  const user = await userWithDigest("DAILY", new Date());
  for (const token of [undefined, null, "", "abc", "x".repeat(43), "x".repeat(44), ["a"], { $ne: "" }]) assert.equal(await unsubscribeDigest(token), null);
  assert.equal((await db().notificationSettings.findUniqueOrThrow({ where: { userId: user.id } })).digest, "DAILY");
});

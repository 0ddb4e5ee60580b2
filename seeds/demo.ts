import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import type { RoleName } from "../server/auth/roles";
import type { Tx } from "../server/db";
import { mentionMarkdown, type ReactionKind } from "../server/schemas/post";
import { renderForStorage } from "../server/services/posts/markdown";
import { createUser } from "../server/services/users/create-user";
import { seedModerationDemo } from "./demo-moderation";
import { seedDemoImpulseTalks } from "./demo-impulse";
import { seedDemoOzg } from "./demo-ozg";
import { seedDemoResults } from "./demo-results";
import { seedDemoSpotlights } from "./demo-spotlights";
import { newStorageKey, storagePath, uploadDir } from "../server/services/attachments/storage";
import { samplePdf } from "./sample-files";

export const DEMO_PASSWORD = "gdst-demo";

export const demoAccounts: { email: string; name: string; organisation: string; role: RoleName; groups: string[] }[] = [
  { email: "admin@gdst.example", name: "Andrea Albrecht", organisation: "Landesportal-Betrieb Sachsen-Anhalt", role: "ADMIN", groups: [] },
  {
    email: "moderation@gdst.example",
    name: "Martin Meier",
    organisation: "Ministerium für Infrastruktur und Digitales",
    role: "MODERATOR",
    groups: ["strategie", "technik"],
  },
  { email: "teilnehmer@gdst.example", name: "Thomas Tietz", organisation: "Gemeinde Hohe Börde", role: "PARTICIPANT", groups: ["technik", "umsetzung"] },
  { email: "teilnehmerin@gdst.example", name: "Sabine Schulze", organisation: "Stadt Wernigerode", role: "PARTICIPANT", groups: ["technik", "organisation"] },
  { email: "lesend@gdst.example", name: "Lena Lorenz", organisation: "Landkreis Harz", role: "READER", groups: [] },
];

/**
 * Demo accounts and a first conversation, so a fresh installation shows what the platform is for.
 * Only into an empty database; true when it seeded.
 */
export async function seedDemo(tx: Tx): Promise<boolean> {
  if (await tx.user.count()) return false;
  const users = new Map<string, string>();
  for (const account of demoAccounts) {
    const user = await createUser({ ...account, password: DEMO_PASSWORD }, tx);
    users.set(account.email, user.id);
    for (const slug of account.groups) {
      const group = await tx.workingGroup.findUniqueOrThrow({ where: { slug }, select: { id: true } });
      await tx.groupMembership.create({ data: { userId: user.id, groupId: group.id } });
    }
  }
  const technik = await tx.workingGroup.findUniqueOrThrow({ where: { slug: "technik" }, select: { id: true } });
  const postIds = Array.from({ length: 4 }, () => crypto.randomUUID());
  const mention = (email: string) => mentionMarkdown({ id: users.get(email)!, name: demoAccounts.find((account) => account.email === email)!.name });
  const conversation: { author: string; body: string; replyTo?: number; reactions?: [string, ReactionKind][]; attachment?: { name: string; content: Buffer } }[] = [
    {
      author: "moderation@gdst.example",
      body: "Willkommen in der **Arbeitsgruppe Technik**! Hier sammeln wir Erfahrungen mit den EfA-Leistungen und den Anbindungen an die Fachverfahren.\n\nBitte stellen Sie sich kurz vor: Welche Online-Dienste hat Ihre Kommune bereits angebunden? Den Entwurf unseres Rahmenkonzepts finden Sie im Anhang – Anmerkungen gern hier im Thema.",
      reactions: [["teilnehmer@gdst.example", "👍"], ["teilnehmerin@gdst.example", "👍"]],
      attachment: {
        name: "Entwurf Rahmenkonzept AG Technik.pdf",
        content: samplePdf("Entwurf Rahmenkonzept der Arbeitsgruppe Technik", [
          "Gemeinsam Digital für Sachsen-Anhalt (GDST) – Arbeitsgruppe Technik",
          "",
          "1. Ziel: Online-Dienste der Kommunen an die Fachverfahren anbinden (EfA-Leistungen).",
          "2. Schwerpunkte: Dokumentenmanagement (XDOMEA), Bezahldienst, Servicekonto.",
          "3. Vorgehen: Erfahrungen sammeln, Checklisten teilen, Bedarfe an das Land melden.",
          "4. Zeitplan: Entwurf bis zur nächsten Sitzung kommentieren.",
          "",
          "Stand: Entwurf zur Diskussion",
        ]),
      },
    },
    {
      author: "teilnehmer@gdst.example",
      body: "Hallo zusammen! In der Gemeinde Hohe Börde sind Wohngeld und Bauantrag online. Offen ist bei uns noch die Anbindung an das Dokumentenmanagement – hat jemand Erfahrung mit der XDOMEA-Schnittstelle?",
    },
    {
      author: "teilnehmerin@gdst.example",
      body: "Ja, in Wernigerode nutzen wir XDOMEA seit dem Frühjahr. Die größte Hürde war die Zuordnung der Aktenzeichen. Ich stelle unsere Checkliste gern in der nächsten Sitzung vor.",
      reactions: [["teilnehmer@gdst.example", "❤️"], ["moderation@gdst.example", "🎉"]],
    },
    {
      author: "teilnehmer@gdst.example",
      replyTo: 2,
      body: `> **Sabine Schulze** schrieb in [#3](/beitraege/${postIds[2]}):\n>\n> Die größte Hürde war die Zuordnung der Aktenzeichen.\n\nDas kennen wir auch. ${mention("teilnehmerin@gdst.example")}, könnten Sie die Checkliste vorab hier teilen? ${mention("moderation@gdst.example")}, vielleicht passt das als Punkt auf die Tagesordnung.`,
      reactions: [["moderation@gdst.example", "👀"]],
    },
  ];
  const start = Date.now() - 2 * 60 * 60 * 1000;
  const thread = await tx.thread.create({
    data: {
      groupId: technik.id,
      title: "Vorstellungsrunde: Wo steht Ihre Kommune bei der Anbindung?",
      authorId: users.get(conversation[0].author)!,
      isPinned: true,
      createdAt: new Date(start),
    },
    select: { id: true },
  });
  for (const [index, post] of conversation.entries()) {
    const at = new Date(start + index * 20 * 60 * 1000);
    const id = postIds[index];
    await tx.post.create({
      data: {
        id,
        threadId: thread.id,
        authorId: users.get(post.author)!,
        body: post.body,
        ...renderForStorage(post.body, id),
        number: index + 1,
        changeSeq: index + 1,
        createdAt: at,
        replyToPostId: post.replyTo === undefined ? null : postIds[post.replyTo],
      },
    });
    for (const [email, kind] of post.reactions ?? []) {
      await tx.postReaction.create({ data: { postId: id, userId: users.get(email)!, kind } });
    }
    await tx.thread.update({
      where: { id: thread.id },
      data: { seq: index + 1, postCount: index + 1, lastActivityAt: at, lastPostAuthorId: users.get(post.author)! },
    });
    if (post.attachment) await seedAttachment(tx, users.get(post.author)!, id, at, post.attachment);
  }
  const umsetzung = await tx.workingGroup.findUniqueOrThrow({ where: { slug: "umsetzung" }, select: { id: true } });
  await seedNotifications(tx, users, umsetzung.id, thread.id, postIds);
  await seedModerationDemo(tx, users);
  const baugenehmigung = await seedThread(tx, users, {
    group: "umsetzung",
    title: "Digitale Baugenehmigung: Erfahrungen mit Bauanträgen über das Landesportal",
    startedHoursAgo: 26,
    posts: [
      {
        author: "teilnehmer@gdst.example",
        body: "Seit dem Sommer nehmen wir **Bauanträge** nur noch digital über das Landesportal entgegen. Die Bauvorlagen kommen als PDF, die Bauaufsicht prüft im Fachverfahren. Wie stellen Sie sicher, dass die Unterlagen vollständig sind, bevor der Antrag eingeht?",
      },
      {
        author: "teilnehmerin@gdst.example",
        body: "Wir nutzen die Vollständigkeitsprüfung im Antragsassistenten. Seitdem müssen wir deutlich weniger Unterlagen nachfordern. Offen ist noch die Beteiligung der Träger öffentlicher Belange – die läuft bei uns weiter per E-Mail.",
      },
      {
        author: "moderation@gdst.example",
        body: "Danke für die Einblicke! Das Ministerium plant für 2027 eine landesweite Beteiligungsplattform für Baugenehmigungsverfahren. Ich nehme die Frage nach den Trägern öffentlicher Belange in die nächste Sitzung der Arbeitsgruppe mit.",
      },
    ],
  });
  const eAkte = await seedThread(tx, users, {
    group: "umsetzung",
    title: "Zeitplan für die Einführung der E-Akte in den Kommunen",
    startedHoursAgo: 5,
    posts: [
      {
        author: "moderation@gdst.example",
        body: "Das Ministerium plant die landesweite Einführung der **E-Akte** in drei Wellen ab dem zweiten Quartal. Welche Voraussetzungen fehlen in Ihrer Verwaltung noch?",
      },
      {
        author: "teilnehmerin@gdst.example",
        body: "Bei uns fehlen vor allem Schulungen für die Sachbearbeitung. Ein gemeinsames Schulungskonzept der Landkreise würde viel Doppelarbeit sparen.",
      },
      {
        author: "moderation@gdst.example",
        body: "Danke! Ich nehme das Schulungskonzept als Punkt für die nächste Sitzung auf. Weitere Rückmeldungen gern bis Ende des Monats.",
      },
    ],
  });
  // how far the demo people have read: the participant has two new replies on the Baugenehmigung and an unopened thread
  const reads: [string, string, number][] = [
    ["teilnehmer@gdst.example", thread.id, 4],
    ["teilnehmerin@gdst.example", thread.id, 3],
    ["moderation@gdst.example", thread.id, 3],
    ["teilnehmer@gdst.example", baugenehmigung, 1],
    ["teilnehmerin@gdst.example", eAkte, 2],
    ["moderation@gdst.example", eAkte, 3],
  ];
  for (const [email, threadId, lastReadNumber] of reads) {
    await tx.threadRead.create({ data: { userId: users.get(email)!, threadId, lastReadNumber } });
  }
  await seedDemoSpotlights(tx, users, DEMO_PASSWORD);
  await seedDemoImpulseTalks(tx);
  await seedDemoOzg(tx, users);
  await seedDemoResults(tx, users);
  return true;
}

async function singlePostThread(tx: Tx, groupId: string, authorId: string, title: string, body: string, at: Date) {
  const postId = crypto.randomUUID();
  const thread = await tx.thread.create({
    data: {
      groupId,
      title,
      authorId,
      postCount: 1,
      seq: 1,
      lastActivityAt: at,
      lastPostAuthorId: authorId,
      createdAt: at,
      posts: { create: { id: postId, authorId, body, ...renderForStorage(body, postId), number: 1, changeSeq: 1, createdAt: at } },
    },
    select: { id: true },
  });
  return { threadId: thread.id, postId };
}

/** The demo participant starts with notifications (two unread, one read), so the bell shows a count. */
async function seedNotifications(tx: Tx, users: Map<string, string>, umsetzungId: string, welcomeThreadId: string, welcomePostIds: string[]) {
  const thomas = users.get("teilnehmer@gdst.example")!;
  const sabine = users.get("teilnehmerin@gdst.example")!;
  const martin = users.get("moderation@gdst.example")!;
  const hour = 60 * 60 * 1000;
  const checklist = await singlePostThread(
    tx,
    umsetzungId,
    sabine,
    "Checkliste: Anbindung an XDOMEA",
    "Wie versprochen unsere Checkliste aus Wernigerode: Aktenplan abgleichen, Aktenzeichen zuordnen, Testlauf mit dem Fachverfahren, erst dann den Produktivbetrieb freigeben.",
    new Date(Date.now() - 26 * hour),
  );
  const meeting = await singlePostThread(
    tx,
    umsetzungId,
    martin,
    "Nächste Sitzung der AG Umsetzung",
    "Die nächste Sitzung findet als Videokonferenz statt. Schwerpunkt: Erfahrungen mit dem Servicekonto und der BundID. Bitte tragen Sie bis Freitag Ihre Themen ein.",
    new Date(Date.now() - 30 * 60 * 1000),
  );
  // whoever opened or wrote in a thread follows it, as the services do for new posts
  await tx.threadSubscription.createMany({
    data: [
      ...[martin, thomas, sabine].map((userId) => ({ userId, threadId: welcomeThreadId, level: "FOLLOWING" as const })),
      { userId: sabine, threadId: checklist.threadId, level: "FOLLOWING" },
      { userId: martin, threadId: meeting.threadId, level: "FOLLOWING" },
    ],
  });
  const welcomeTitle = "Vorstellungsrunde: Wo steht Ihre Kommune bei der Anbindung?";
  await tx.notification.createMany({
    data: [
      {
        recipientId: thomas,
        kind: "NEW_THREAD",
        actorId: sabine,
        threadId: checklist.threadId,
        postId: checklist.postId,
        title: "Checkliste: Anbindung an XDOMEA",
        excerpt: "Wie versprochen unsere Checkliste aus Wernigerode: Aktenplan abgleichen, Aktenzeichen zuordnen, Testlauf mit dem Fachverfahren …",
        link: `/beitraege/${checklist.postId}`,
        createdAt: new Date(Date.now() - 26 * hour),
        readAt: new Date(Date.now() - 20 * hour),
      },
      {
        recipientId: thomas,
        kind: "THREAD_POST",
        actorId: sabine,
        threadId: welcomeThreadId,
        postId: welcomePostIds[2],
        title: welcomeTitle,
        excerpt: "Ja, in Wernigerode nutzen wir XDOMEA seit dem Frühjahr. Die größte Hürde war die Zuordnung der Aktenzeichen. …",
        link: `/beitraege/${welcomePostIds[2]}`,
        createdAt: new Date(Date.now() - 80 * 60 * 1000),
      },
      {
        recipientId: thomas,
        kind: "NEW_THREAD",
        actorId: martin,
        threadId: meeting.threadId,
        postId: meeting.postId,
        title: "Nächste Sitzung der AG Umsetzung",
        excerpt: "Die nächste Sitzung findet als Videokonferenz statt. Schwerpunkt: Erfahrungen mit dem Servicekonto und der BundID. …",
        link: `/beitraege/${meeting.postId}`,
        createdAt: new Date(Date.now() - 30 * 60 * 1000),
      },
    ],
  });
}

/** A further demo conversation, its posts 20 minutes apart. */
async function seedThread(
  tx: Tx,
  users: Map<string, string>,
  demo: { group: string; title: string; startedHoursAgo: number; posts: { author: string; body: string }[] },
): Promise<string> {
  const group = await tx.workingGroup.findUniqueOrThrow({ where: { slug: demo.group }, select: { id: true } });
  const start = Date.now() - demo.startedHoursAgo * 60 * 60 * 1000;
  const last = demo.posts.length;
  const lastAt = new Date(start + (last - 1) * 20 * 60 * 1000);
  const thread = await tx.thread.create({
    data: {
      groupId: group.id,
      title: demo.title,
      authorId: users.get(demo.posts[0].author)!,
      createdAt: new Date(start),
      seq: last,
      postCount: last,
      lastActivityAt: lastAt,
      lastPostAuthorId: users.get(demo.posts[last - 1].author)!,
    },
    select: { id: true },
  });
  for (const [index, post] of demo.posts.entries()) {
    const id = crypto.randomUUID();
    await tx.post.create({
      data: {
        id,
        threadId: thread.id,
        authorId: users.get(post.author)!,
        body: post.body,
        ...renderForStorage(post.body, id),
        number: index + 1,
        changeSeq: index + 1,
        createdAt: new Date(start + index * 20 * 60 * 1000),
      },
    });
  }
  return thread.id;
}

async function seedAttachment(tx: Tx, uploaderId: string, postId: string, at: Date, file: { name: string; content: Buffer }) {
  const storageKey = newStorageKey();
  await mkdir(uploadDir(), { recursive: true });
  await writeFile(storagePath(storageKey), file.content, { mode: 0o600 });
  await tx.attachment.create({
    data: {
      uploaderId,
      postId,
      mimeType: "application/pdf",
      size: file.content.length,
      sha256: createHash("sha256").update(file.content).digest("hex"),
      storageKey,
      originalName: file.name,
      createdAt: at,
      attachedAt: at,
    },
  });
}

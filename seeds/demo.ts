import type { RoleName } from "../server/auth/roles";
import type { Tx } from "../server/db";
import { renderForStorage } from "../server/services/posts/markdown";
import { createUser } from "../server/services/users/create-user";

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
  const conversation = [
    {
      author: "moderation@gdst.example",
      body: "Willkommen in der **Arbeitsgruppe Technik**! Hier sammeln wir Erfahrungen mit den EfA-Leistungen und den Anbindungen an die Fachverfahren.\n\nBitte stellen Sie sich kurz vor: Welche Online-Dienste hat Ihre Kommune bereits angebunden?",
    },
    {
      author: "teilnehmer@gdst.example",
      body: "Hallo zusammen! In der Gemeinde Hohe Börde sind Wohngeld und Bauantrag online. Offen ist bei uns noch die Anbindung an das Dokumentenmanagement – hat jemand Erfahrung mit der XDOMEA-Schnittstelle?",
    },
    {
      author: "teilnehmerin@gdst.example",
      body: "Ja, in Wernigerode nutzen wir XDOMEA seit dem Frühjahr. Die größte Hürde war die Zuordnung der Aktenzeichen. Ich stelle unsere Checkliste gern in der nächsten Sitzung vor.",
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
    const id = crypto.randomUUID();
    await tx.post.create({
      data: { id, threadId: thread.id, authorId: users.get(post.author)!, body: post.body, ...renderForStorage(post.body, id), number: index + 1, changeSeq: index + 1, createdAt: at },
    });
    await tx.thread.update({
      where: { id: thread.id },
      data: { seq: index + 1, postCount: index + 1, lastActivityAt: at, lastPostAuthorId: users.get(post.author)! },
    });
  }
  await seedThread(tx, users, {
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
  return true;
}

/** A further demo conversation, its posts 20 minutes apart. */
async function seedThread(
  tx: Tx,
  users: Map<string, string>,
  demo: { group: string; title: string; startedHoursAgo: number; posts: { author: string; body: string }[] },
): Promise<void> {
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
}

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
  const introduction = await seedThread(tx, users, {
    groupId: technik.id,
    title: "Vorstellungsrunde: Wo steht Ihre Kommune bei der Anbindung?",
    isPinned: true,
    start: Date.now() - 2 * 60 * 60 * 1000,
    conversation,
  });
  const umsetzung = await tx.workingGroup.findUniqueOrThrow({ where: { slug: "umsetzung" }, select: { id: true } });
  const eAkte = await seedThread(tx, users, {
    groupId: umsetzung.id,
    title: "Zeitplan für die Einführung der E-Akte in den Kommunen",
    isPinned: false,
    start: Date.now() - 5 * 60 * 60 * 1000,
    conversation: [
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
  // how far the demo people have read: the participant sees one new reply in the introduction and an unopened thread
  const reads: [string, string, number][] = [
    ["teilnehmer@gdst.example", introduction, 2],
    ["teilnehmerin@gdst.example", introduction, 3],
    ["moderation@gdst.example", introduction, 3],
    ["teilnehmerin@gdst.example", eAkte, 2],
    ["moderation@gdst.example", eAkte, 3],
  ];
  for (const [email, threadId, lastReadNumber] of reads) {
    await tx.threadRead.create({ data: { userId: users.get(email)!, threadId, lastReadNumber } });
  }
  return true;
}

async function seedThread(
  tx: Tx,
  users: Map<string, string>,
  options: { groupId: string; title: string; isPinned: boolean; start: number; conversation: { author: string; body: string }[] },
): Promise<string> {
  const { conversation, start } = options;
  const thread = await tx.thread.create({
    data: {
      groupId: options.groupId,
      title: options.title,
      authorId: users.get(conversation[0].author)!,
      isPinned: options.isPinned,
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
  return thread.id;
}

import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import type { RoleName } from "../server/auth/roles";
import type { Tx } from "../server/db";
import { newStorageKey, storagePath, uploadDir } from "../server/services/attachments/storage";
import { renderForStorage } from "../server/services/posts/markdown";
import { createUser } from "../server/services/users/create-user";
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
  const conversation: { author: string; body: string; attachment?: { name: string; content: Buffer } }[] = [
    {
      author: "moderation@gdst.example",
      body: "Willkommen in der **Arbeitsgruppe Technik**! Hier sammeln wir Erfahrungen mit den EfA-Leistungen und den Anbindungen an die Fachverfahren.\n\nBitte stellen Sie sich kurz vor: Welche Online-Dienste hat Ihre Kommune bereits angebunden? Den Entwurf unseres Rahmenkonzepts finden Sie im Anhang – Anmerkungen gern hier im Thema.",
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
    if (post.attachment) await seedAttachment(tx, users.get(post.author)!, id, at, post.attachment);
  }
  return true;
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

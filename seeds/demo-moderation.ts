import type { Tx } from "../server/db";
import { renderForStorage } from "../server/services/posts/markdown";

/**
 * Moderation's side of the demo: a thread moderation renamed (in the audit log), one open report
 * waiting in the queue and one closed report with its outcome. `users` maps demo e-mail → user id.
 */
export async function seedModerationDemo(tx: Tx, users: Map<string, string>): Promise<void> {
  const moderator = users.get("moderation@gdst.example")!;
  const thomas = users.get("teilnehmer@gdst.example")!;
  const sabine = users.get("teilnehmerin@gdst.example")!;
  const strategie = await tx.workingGroup.findUniqueOrThrow({ where: { slug: "strategie" }, select: { id: true } });

  const start = Date.now() - 90 * 60 * 1000;
  const oldTitle = "Priorisierung";
  const title = "Welche OZG-Leistungen sollen 2027 zuerst in die Fläche?";
  const thread = await tx.thread.create({
    data: { groupId: strategie.id, title, authorId: thomas, createdAt: new Date(start) },
    select: { id: true },
  });
  const conversation = [
    {
      author: thomas,
      body: "Wir sollten uns als Arbeitsgruppe auf wenige Leistungen einigen, die 2027 flächendeckend kommen. Mein Vorschlag: Wohngeld, Elterngeld und die Anmeldung eines Wohnsitzes – die fragen unsere Bürgerinnen und Bürger am häufigsten nach.",
    },
    {
      author: sabine,
      body: "Einverstanden mit Wohngeld. Bei Fragen zu unserer Umsetzung erreichen Sie mich auch privat unter 0170 1234567 – abends am besten.",
    },
    {
      author: moderator,
      body: "Danke für den Auftakt! Ich habe den Titel etwas genauer gefasst, damit das Thema in der Liste leichter zu finden ist. Bitte ergänzen Sie jeweils, wie weit die Leistung bei Ihnen schon ist.",
    },
  ];
  const postIds: string[] = [];
  for (const [index, post] of conversation.entries()) {
    const at = new Date(start + index * 15 * 60 * 1000);
    const id = crypto.randomUUID();
    postIds.push(id);
    await tx.post.create({
      data: { id, threadId: thread.id, authorId: post.author, body: post.body, ...renderForStorage(post.body, id), number: index + 1, changeSeq: index + 1, createdAt: at },
    });
    await tx.thread.update({ where: { id: thread.id }, data: { seq: index + 1, postCount: index + 1, lastActivityAt: at, lastPostAuthorId: post.author } });
  }
  await tx.auditEntry.create({
    data: {
      actorId: moderator,
      action: "thread.rename",
      subjectType: "thread",
      subjectId: thread.id,
      details: { before: { title: oldTitle }, after: { title } },
      createdAt: new Date(start + 40 * 60 * 1000),
    },
  });

  await tx.report.create({
    data: {
      postId: postIds[1],
      reporterId: thomas,
      reason: "PERSONAL_DATA",
      note: "Eine private Handynummer sollte hier nicht für alle sichtbar stehen – vielleicht besser per Nachricht austauschen?",
      openKey: `${postIds[1]}:${thomas}`,
      createdAt: new Date(start + 50 * 60 * 1000),
    },
  });

  const introduction = await tx.post.findFirst({
    where: { thread: { group: { slug: "technik" } }, number: 2 },
    select: { id: true },
  });
  if (introduction) {
    const closedAt = new Date(start + 60 * 60 * 1000);
    const report = await tx.report.create({
      data: {
        postId: introduction.id,
        reporterId: sabine,
        reason: "OFF_TOPIC",
        note: "Die Frage nach XDOMEA passt eher in die Arbeitsgruppe Umsetzung.",
        createdAt: new Date(start + 30 * 60 * 1000),
        closedAt,
        closedById: moderator,
        outcome: "NO_VIOLATION",
        outcomeNote: "Die Frage gehört zur Vorstellungsrunde dazu; wir greifen XDOMEA in der nächsten Sitzung auf.",
      },
      select: { id: true, postId: true },
    });
    await tx.auditEntry.create({
      data: {
        actorId: moderator,
        action: "report.close",
        subjectType: "post",
        subjectId: report.postId,
        details: { reportId: report.id, reason: "OFF_TOPIC", outcome: "NO_VIOLATION", outcomeNote: "Die Frage gehört zur Vorstellungsrunde dazu; wir greifen XDOMEA in der nächsten Sitzung auf." },
        createdAt: closedAt,
      },
    });
  }
}

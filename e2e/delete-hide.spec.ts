import { expect, expectAccessible, screens, test, trpc, waitForLive } from "./fixtures";
import { ThreadPage } from "./pages/thread-page";

test("[delete-hide] the author deletes their post after confirming; replies stay, another browser sees 'Beitrag gelöscht' live", async ({ asParticipant, asParticipant2, asModerator, make }) => {
  // three browsers (or two plus a full-page screenshot at two widths): slow on a busy machine
  test.slow();
  const thread = await make.thread({ body: "Erster Beitrag" });
  const doomed = make.name("Das nehme ich zurück");
  const { id: doomedId } = await make.post(thread.id, doomed);
  const replyText = make.name("Meine Antwort darauf");
  expect((await trpc(asParticipant2.request, "post.create", { id: crypto.randomUUID(), threadId: thread.id, body: replyText, replyToPostId: doomedId })).error).toBeUndefined();

  const other = new ThreadPage(asParticipant2);
  await other.goto(thread.url);
  await waitForLive(asParticipant2);
  const moderation = new ThreadPage(asModerator);
  await moderation.goto(thread.url);
  await waitForLive(asModerator);

  const author = new ThreadPage(asParticipant);
  await author.goto(thread.url);
  const post = author.posts.nth(1);
  await post.getByRole("button", { name: "Löschen (Beitrag #2)" }).click();
  const dialog = asParticipant.getByRole("dialog", { name: "Beitrag #2 löschen?" });
  await expect(dialog).toBeVisible();
  await expectAccessible(asParticipant);
  await dialog.getByRole("button", { name: "Endgültig löschen" }).click();
  await expect(dialog).toBeHidden();
  await expect(post).toContainText("Beitrag gelöscht");
  await expect(post).not.toContainText(doomed);

  // live in the other browser: the text is gone, number and author stay, the reply stays readable
  const seen = other.posts.nth(1);
  await expect(seen).toContainText("Beitrag gelöscht");
  await expect(seen).not.toContainText(doomed);
  await expect(seen).toContainText("Thomas Tietz");
  await expect(seen).toContainText("#2");
  await expect(other.post(replyText)).toContainText("Antwort auf Thomas Tietz (#2)");
  await expect(other.postCount).toHaveText("3 Beiträge");
  // moderation still sees the original, greyed with a label
  await expect(moderation.posts.nth(1)).toContainText("Gelöscht von der verfassenden Person");
  await expect(moderation.posts.nth(1)).toContainText(doomed);
  // editing a deleted post is refused
  const edit = await trpc(asParticipant.request, "post.edit", { postId: doomedId, body: "Doch wieder da" });
  expect(edit.error?.message).toBe("Ein gelöschter Beitrag kann nicht mehr bearbeitet werden.");
});

test("[delete-hide] moderator hides a post in front of a participant: it disappears live, the participant's page never gets the text", async ({ asAdmin, asModerator, asParticipant2, make }) => {
  // three browsers (or two plus a full-page screenshot at two widths): slow on a busy machine
  test.slow();
  const thread = await make.thread({ body: "Erster Beitrag" });
  const offending = make.name("Unsachlicher Beitrag");
  const { id: postId } = await make.post(thread.id, offending);

  const participant = new ThreadPage(asParticipant2);
  await participant.goto(thread.url);
  await waitForLive(asParticipant2);
  const received: string[] = [];
  asParticipant2.on("websocket", (socket) => socket.on("framereceived", (frame) => received.push(String(frame.payload))));
  await expect(participant.post(offending)).toHaveCount(1);

  const moderation = new ThreadPage(asModerator);
  await moderation.goto(thread.url);
  const post = moderation.posts.nth(1);
  await post.getByRole("button", { name: "Ausblenden (Beitrag #2)" }).click();
  const dialog = asModerator.getByRole("dialog", { name: "Beitrag #2 ausblenden" });
  await dialog.getByRole("button", { name: "Beitrag ausblenden" }).click();
  await expect(dialog.getByText("Bitte geben Sie einen Grund für das Ausblenden ein.")).toBeVisible();
  await dialog.getByLabel("Grund (für Moderation und Protokoll)").fill("Persönlicher Angriff auf eine Kollegin");
  await dialog.getByRole("button", { name: "Beitrag ausblenden" }).click();
  await expect(dialog).toBeHidden();
  await expect(post).toContainText("Ausgeblendet – für Teilnehmende nicht sichtbar");
  await expect(post).toContainText("Grund: Persönlicher Angriff auf eine Kollegin");
  await expect(post).toContainText(offending);
  await expectAccessible(asModerator);
  await screens(asModerator, "hidden-post-moderation");

  // live at the participant: gone, replaced by the notice, and no frame carried the text or the reason
  await expect(participant.posts.nth(1)).toContainText("Von der Moderation ausgeblendet");
  await expect(participant.post(offending)).toHaveCount(0);
  expect(received.join("\n")).not.toContain(offending);
  expect(received.join("\n")).not.toContain("Persönlicher Angriff");
  await screens(asParticipant2, "hidden-post-participant");
  await asParticipant2.reload();
  await expect(participant.posts.nth(1)).toContainText("Von der Moderation ausgeblendet");
  expect(await asParticipant2.content()).not.toContain(offending);

  // a participant may not hide or show again; moderation shows it again
  const refused = await trpc(asParticipant2.request, "post.unhide", { postId });
  expect(refused.status).toBe(403);
  expect(refused.error?.message).toBe("Dafür fehlt Ihnen die Berechtigung.");
  await post.getByRole("button", { name: "Wieder einblenden (Beitrag #2)" }).click();
  await expect(participant.post(offending)).toHaveCount(1);

  // both steps are in the audit log
  const { data: audit } = await trpc(asAdmin.request, "user.audit", {}, "query");
  const entries = JSON.stringify(audit);
  expect(entries).toContain("post.hide");
  expect(entries).toContain(postId);
});

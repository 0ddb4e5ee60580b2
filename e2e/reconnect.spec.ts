import { expect, test, trpc, waitForLive } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { ThreadPage } from "./pages/thread-page";

// These two use window.__gdstSocket.disconnect()/connect() as agreed. Commit bfa55cd changed
// app/_lib/socket.tsx to treat every disconnect with socket.active === false as "session ended";
// a client-side disconnect() also leaves active false, so once that commit is built the amber
// banner gives way to the red "Sitzung beendet" alert and these tests fail (reported to the lead).
// The third test simulates a dropped transport instead and does not depend on that.
test("[reconnect] posts missed while disconnected appear exactly once after reconnecting", async ({ asParticipant2, asParticipant, make }) => {
  const thread = await make.thread();
  const viewer = new ThreadPage(asParticipant2);
  const shell = new AppShell(asParticipant2);
  await viewer.goto(thread.url);
  await waitForLive(asParticipant2);
  await expect(shell.connectionBanner).toBeHidden();

  await asParticipant2.evaluate(() => window.__gdstSocket!.disconnect());
  await expect(shell.connectionBanner).toBeVisible();
  await expect(shell.connectionBanner).toContainText("Die Live-Verbindung ist unterbrochen.");

  // one post through the API, one through the other browser's composer
  const missed = make.name("Verpasst per API");
  await make.post(thread.id, missed);
  const author = new ThreadPage(asParticipant);
  await author.goto(thread.url);
  const typed = make.name("Verpasst per Formular");
  await author.reply(typed);
  await expect(author.post(typed)).toHaveCount(1);
  // still disconnected: nothing arrives
  await expect(viewer.post(missed)).toHaveCount(0);

  await asParticipant2.evaluate(() => window.__gdstSocket!.connect());
  await expect(viewer.post(missed)).toHaveCount(1);
  await expect(viewer.post(typed)).toHaveCount(1);
  await expect(viewer.posts).toHaveCount(3);
  await expect(viewer.postCount).toHaveText("3 Beiträge");
  await expect(shell.connectionBanner).toBeHidden();

  // live again: the next post arrives once, and nothing is duplicated by the catch-up
  const after = make.name("Nach der Unterbrechung");
  await make.post(thread.id, after);
  await expect(viewer.post(after)).toHaveCount(1);
  await expect(viewer.posts).toHaveCount(4);
  await expect(viewer.post(missed)).toHaveCount(1);
});

test("[reconnect] an edit made while disconnected is caught up without duplicating the post", async ({ asParticipant2, asParticipant, make }) => {
  const thread = await make.thread();
  const original = make.name("Vor der Änderung");
  const post = await make.post(thread.id, original);
  const viewer = new ThreadPage(asParticipant2);
  await viewer.goto(thread.url);
  await waitForLive(asParticipant2);
  await expect(viewer.post(original)).toHaveCount(1);

  await asParticipant2.evaluate(() => window.__gdstSocket!.disconnect());
  await expect(new AppShell(asParticipant2).connectionBanner).toBeVisible();
  const changed = make.name("Nach der Änderung");
  const edit = await trpc(asParticipant.request, "post.edit", { postId: post.id, body: changed });
  expect(edit.error).toBeUndefined();

  await asParticipant2.evaluate(() => window.__gdstSocket!.connect());
  await expect(viewer.post(changed)).toHaveCount(1);
  await expect(viewer.post(original)).toHaveCount(0);
  await expect(viewer.posts).toHaveCount(2);
  await expect(new AppShell(asParticipant2).connectionBanner).toBeHidden();
});

test("[reconnect] after a dropped transport the client reconnects by itself and catches up", async ({ asParticipant2, make }) => {
  const thread = await make.thread();
  const viewer = new ThreadPage(asParticipant2);
  const shell = new AppShell(asParticipant2);
  await viewer.goto(thread.url);
  await waitForLive(asParticipant2);

  // a network drop, not a deliberate disconnect: the manager stays active and would retry,
  // retries are paused so the banner has time to show
  await asParticipant2.evaluate(() => {
    const manager = (window.__gdstSocket as unknown as { io: { reconnection(on: boolean): void; engine: { close(): void } } }).io;
    manager.reconnection(false);
    manager.engine.close();
  });
  await expect(shell.connectionBanner).toBeVisible();
  const missed = make.name("Während des Netzausfalls");
  await make.post(thread.id, missed);

  await asParticipant2.evaluate(() => {
    const socket = window.__gdstSocket as unknown as { io: { reconnection(on: boolean): void }; connect(): void };
    socket.io.reconnection(true);
    socket.connect();
  });
  await expect(viewer.post(missed)).toHaveCount(1);
  await expect(viewer.posts).toHaveCount(2);
  await expect(shell.connectionBanner).toBeHidden();
});

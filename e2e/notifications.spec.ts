import { expect, expectAccessible, horizontalOverflow, screens, test, trpc, waitForLive } from "./fixtures";
import { ThreadPage } from "./pages/thread-page";

// Fresh accounts throughout: the demo accounts get notifications from every other spec's threads.

test("[notifications] participant follows a thread, another browser posts, the bell counts up live and leads to the post", async ({
  make,
  users,
}) => {
  // two fresh accounts, two browsers and screenshots: more than the default minute on a busy machine
  test.slow();
  const thread = await make.thread({ slug: "strategie", title: make.name("Benachrichtigt werden") });
  const follower = await users.invite({ name: "Frida Folgsam" });
  const writer = await users.invite({ name: "Werner Schreiber" });
  const followerPage = await users.pageOf(follower);
  const writerPage = await users.pageOf(writer);

  await followerPage.goto(thread.url);
  const threadPage = new ThreadPage(followerPage);
  await expect(threadPage.title).toHaveText(thread.title);
  await followerPage.getByRole("button", { name: "Folgen", exact: true }).click();
  await expect(followerPage.getByRole("button", { name: "Nicht mehr folgen" })).toBeVisible();
  await expect(followerPage.getByText("Sie folgen diesem Thema")).toBeVisible();

  // elsewhere on the platform when the post comes: with the thread open, the post is read at once
  // and so is its notification
  await followerPage.goto("/arbeitsgruppen");
  const bell = followerPage.getByRole("button", { name: /^Benachrichtigungen, / });
  await expect(bell).toHaveAccessibleName("Benachrichtigungen, keine ungelesen");
  await waitForLive(followerPage);

  const body = make.name("Ein Beitrag für alle, die folgen");
  const post = await make.post(thread.id, body, writerPage);
  // no reload: the notification arrives over the socket
  await expect(bell).toHaveAccessibleName("Benachrichtigungen, 1 ungelesen");
  await expect(followerPage.getByTestId("notification-announcer")).toHaveText("Neue Benachrichtigung: Werner Schreiber hat einen Beitrag geschrieben");

  await bell.click();
  const panel = followerPage.getByRole("region", { name: "Benachrichtigungen" });
  await expect(panel).toBeVisible();
  const entry = panel.getByRole("link", { name: new RegExp(`Werner Schreiber hat einen Beitrag geschrieben in „${thread.title}“`) });
  await expect(entry).toContainText(body);
  await expect(entry).toContainText("gerade eben");
  await expect(entry).toHaveAttribute("href", `/beitraege/${post.id}`);
  await expectAccessible(followerPage);
  await screens(followerPage, "notifications-bell-open");

  // keyboard: Escape closes and gives focus back to the bell; Enter opens again
  await followerPage.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();
  await followerPage.keyboard.press("Enter");
  await expect(panel).toBeVisible();

  await entry.click();
  await expect(followerPage).toHaveURL(new RegExp(`/themen/${thread.id}`));
  await expect(threadPage.posts.filter({ hasText: body })).toBeVisible();
  await expect(bell).toHaveAccessibleName("Benachrichtigungen, keine ungelesen");
  await expect(bell).toBeVisible();
});

test("[notifications] the full list shows hostile titles within 320 px and marks all read", async ({ make, users }) => {
  // a 200-character word and invisible characters in the title, which the notification copies
  const thread = await make.thread({ slug: "strategie", title: `${make.name("Viele Beiträge")} \u200B${"Verwaltungsdigitalisierung".repeat(6)}\u2060` });
  const follower = await users.invite();
  const followerPage = await users.pageOf(follower);
  await trpc(followerPage.request, "notification.setThreadSubscription", { threadId: thread.id, level: "FOLLOWING" });
  const first = make.name("Erster neuer Beitrag");
  await make.post(thread.id, first);
  await make.post(thread.id, `${make.name("Zweiter neuer Beitrag")} ${"Ü".repeat(200)}`);

  await followerPage.goto("/benachrichtigungen");
  await expect(followerPage.getByRole("heading", { level: 1, name: "Benachrichtigungen" })).toBeVisible();
  const list = followerPage.getByRole("list", { name: "Benachrichtigungen" });
  await expect(list.getByRole("link")).toHaveCount(2);
  await expect(list.getByRole("link").nth(1)).toContainText(first);
  await expect(followerPage.getByText("2 ungelesene Benachrichtigungen.")).toBeVisible();
  await expect(followerPage.getByRole("button", { name: /^Benachrichtigungen, / })).toHaveAccessibleName("Benachrichtigungen, 2 ungelesen");
  await expectAccessible(followerPage);
  await screens(followerPage, "notifications-page");
  await followerPage.setViewportSize({ width: 320, height: 800 });
  expect(await horizontalOverflow(followerPage)).toBe(0);
  await followerPage.getByRole("button", { name: /^Benachrichtigungen, / }).click();
  await expect(followerPage.getByRole("region", { name: "Benachrichtigungen" })).toBeVisible();
  expect(await horizontalOverflow(followerPage)).toBe(0);
  await followerPage.keyboard.press("Escape");

  await followerPage.getByRole("button", { name: "Alle als gelesen markieren" }).click();
  await expect(followerPage.getByText("Alles gelesen.")).toBeVisible();
  await expect(followerPage.getByRole("button", { name: /^Benachrichtigungen, / })).toHaveAccessibleName("Benachrichtigungen, keine ungelesen");
});

test("[notifications] settings switch a kind off and the e-mail digest to weekly", async ({ users }) => {
  const user = await users.invite();
  const page = await users.pageOf(user);
  await page.goto("/einstellungen/benachrichtigungen");
  await expect(page.getByRole("heading", { level: 1, name: "Benachrichtigungen einstellen" })).toBeVisible();
  const kind = page.getByRole("checkbox", { name: "Neue Beiträge in Themen, denen ich folge" });
  await expect(kind).toBeChecked();
  await kind.uncheck();
  await page.getByRole("radio", { name: "Wöchentlich" }).check();
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Ihre Einstellungen sind gespeichert.")).toBeVisible();
  await expectAccessible(page);
  await screens(page, "notifications-settings");

  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Neue Beiträge in Themen, denen ich folge" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Erwähnungen (@Name)" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Wöchentlich" })).toBeChecked();
  const { data } = await trpc(page.request, "notification.settings", undefined, "query");
  expect(data).toEqual({ disabledKinds: ["THREAD_POST"], digest: "WEEKLY" });
});

test("[notifications] a reader has a bell but no thread kinds to choose and no follow button", async ({ asReader }) => {
  await asReader.goto("/einstellungen/benachrichtigungen");
  await expect(asReader.getByRole("button", { name: /^Benachrichtigungen, / })).toBeVisible();
  await expect(asReader.getByRole("checkbox")).toHaveCount(5);
  await expect(asReader.getByRole("checkbox", { name: "Ergebnis meiner Meldungen" })).toBeVisible();
  // readers attend talks: a moved or cancelled talk they follow concerns them
  await expect(asReader.getByRole("checkbox", { name: "Verschobene Impulsvorträge (neuer Termin oder Ort), denen ich folge" })).toBeVisible();
  await expect(asReader.getByRole("checkbox", { name: "Abgesagte Impulsvorträge, denen ich folge" })).toBeVisible();
  await expect(asReader.getByRole("checkbox", { name: "Neue Phase oder Priorität bei OZG-Leistungen, denen ich folge" })).toBeVisible();
  await expect(asReader.getByRole("checkbox", { name: "Neue veröffentlichte Versionen des Ergebnisdokuments" })).toBeVisible();
});

test("[notifications] the unsubscribe link works without signing in and refuses a wrong token", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const token of ["", "abc", "A".repeat(43), "%00", "'; DROP TABLE \"User\"; --"]) {
    const response = await page.goto(`/abmelden/benachrichtigungen?token=${encodeURIComponent(token)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "Dieser Abmeldelink ist ungültig" })).toBeVisible();
  }
  await expectAccessible(page);
  await screens(page, "notifications-unsubscribe-invalid");
  const oneClick = await page.request.post(`/api/benachrichtigungen/abmelden?token=${"B".repeat(43)}`, { failOnStatusCode: false });
  expect(oneClick.status()).toBe(404);
  await context.close();
});

test("[notifications] the open panel lies within the screen at every width, wherever the wrapped header puts the bell", async ({ asParticipant: page }) => {
  await page.goto("/spotlights");
  const bell = page.getByRole("button", { name: /^Benachrichtigungen, / });
  const panel = page.getByRole("region", { name: "Benachrichtigungen" });
  const outside: string[] = [];
  for (const width of [320, 640, 768, 1024, 1280, 1600, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await bell.click();
    await expect(panel).toBeVisible();
    const box = (await panel.boundingBox())!;
    if (box.x < 0 || box.x + box.width > width) outside.push(`${width} px: panel from ${Math.round(box.x)} to ${Math.round(box.x + box.width)}`);
    await page.keyboard.press("Escape");
    await expect(panel).toHaveCount(0);
  }
  expect(outside).toEqual([]);
});

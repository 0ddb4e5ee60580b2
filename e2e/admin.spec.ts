import { expect, test, trpc, waitForLive } from "./fixtures";
import { AdminPage } from "./pages/admin-page";
import { AppShell } from "./pages/app-shell";
import { GroupPage } from "./pages/group-page";
import { SignInPage } from "./pages/sign-in-page";
import { ThreadPage } from "./pages/thread-page";

const DEACTIVATED = "Ihr Zugang wurde deaktiviert. Wenden Sie sich bei Fragen an die Administration.";
const ROLE_CHANGED = "Ihre Rolle wurde geändert. Bitte melden Sie sich erneut an.";

test("[admin] deactivating a signed-in user ends their live session and their next navigation lands on /anmelden", async ({
  asAdmin,
  users,
  make,
}) => {
  const user = await users.invite();
  const userPage = await users.pageOf(user);
  const thread = await make.thread();
  const view = new ThreadPage(userPage);
  await view.goto(thread.url);
  await expect(view.composer).toBeVisible();
  await waitForLive(userPage);

  const admin = new AdminPage(asAdmin);
  await admin.goto();
  await expect(admin.userRow(user.email)).toContainText("aktiv");
  await admin.deactivate(user.name).click();
  await expect(admin.userRow(user.email)).toContainText("deaktiviert");
  await expect(asAdmin.getByRole("button", { name: `Reaktivieren (${user.name})` })).toBeVisible();

  // the open page learns at once that the session is over, and does not promise a reconnect
  const ended = userPage.getByRole("alert").filter({ hasText: DEACTIVATED });
  await expect(ended).toBeVisible();
  await expect(ended.getByRole("button", { name: "Zur Anmeldung" })).toBeVisible();
  await expect(new AppShell(userPage).connectionBanner).toBeHidden();
  expect(await userPage.evaluate(() => window.__gdstSocket!.connected)).toBe(false);

  // the cookie is no longer honoured anywhere
  const post = await trpc(userPage.request, "post.create", { id: crypto.randomUUID(), threadId: thread.id, body: "Nach der Deaktivierung" });
  expect(post.status).toBe(401);
  await userPage.reload();
  await expect(userPage).toHaveURL(/\/anmelden/);

  // and signing in again is refused
  const signIn = new SignInPage(userPage);
  await signIn.signIn(user.email, user.password);
  await expect(signIn.error).toHaveText("E-Mail-Adresse oder Passwort ist nicht richtig – oder der Zugang ist deaktiviert.");
  await expect(userPage).toHaveURL(/\/anmelden/);

  await asAdmin.reload();
  await expect(admin.audit).toContainText(`Zugang deaktiviert: ${user.name}`);
});

test("[admin] a role change takes effect after the user signs in again", async ({ asAdmin, users, make }) => {
  const user = await users.invite({ role: "PARTICIPANT" });
  const userPage = await users.pageOf(user);
  const thread = await make.thread();
  const view = new ThreadPage(userPage);
  await view.goto(thread.url);
  await expect(view.moderation).toHaveCount(0);
  await waitForLive(userPage);

  const admin = new AdminPage(asAdmin);
  await admin.goto();
  await admin.roleSelect(user.name).selectOption({ label: "Moderation" });
  await expect(admin.roleSelect(user.name)).toHaveValue("MODERATOR");
  await asAdmin.reload();
  await expect(admin.roleSelect(user.name)).toHaveValue("MODERATOR");
  await expect(admin.audit).toContainText("Rolle geändert");
  const list = await trpc(asAdmin.request, "user.list", undefined, "query");
  expect(list.data.find((u: { id: string }) => u.id === user.id)?.role).toBe("MODERATOR");

  // the old session ends; after signing in again the new role applies
  const ended = userPage.getByRole("alert").filter({ hasText: ROLE_CHANGED });
  await expect(ended).toBeVisible();
  await ended.getByRole("button", { name: "Zur Anmeldung" }).click();
  await expect(userPage).toHaveURL(/\/anmelden/);
  await new SignInPage(userPage).signIn(user.email, user.password);
  await expect(new AppShell(userPage).welcome(user.name)).toBeVisible();
  await expect(userPage.getByRole("banner")).toContainText("Moderation");
  await view.goto(thread.url);
  await expect(view.pin).toBeVisible();
  await expect(view.lock).toBeVisible();
});

test("[admin] the admin cannot deactivate or demote themselves", async ({ asAdmin }) => {
  const admin = new AdminPage(asAdmin);
  await admin.goto();
  const own = admin.userRow("admin@gdst.example");
  await expect(own).toContainText("Administration");
  await expect(own.getByRole("button")).toHaveCount(0);
  await expect(own.getByRole("combobox")).toHaveCount(0);
  const me = await trpc(asAdmin.request, "user.list", undefined, "query");
  const adminId = me.data.find((u: { email: string }) => u.email === "admin@gdst.example").id;
  const response = await trpc(asAdmin.request, "user.setActive", { userId: adminId, isActive: false });
  expect(response.status).toBe(403);
  expect(response.error?.message).toBe("Dafür fehlt Ihnen die Berechtigung.");
});

test("[admin] participants, moderators and readers get Kein Zugriff on /verwaltung", async ({ asParticipant, asModerator, asReader }) => {
  for (const page of [asParticipant, asModerator, asReader]) {
    expect((await page.goto("/verwaltung"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Einladungen" })).toHaveCount(0);
    await expect(new AppShell(page).navLink("Verwaltung")).toHaveCount(0);
    const users = await trpc(page.request, "user.list", undefined, "query");
    expect(users.status).toBe(403);
  }
});

test("[admin] moderator pins and locks a thread; participants then see the lock instead of the composer", async ({
  asModerator,
  asParticipant,
  asParticipant2,
  asAdmin,
  make,
}) => {
  const thread = await make.thread({ slug: "technik" });
  const watcher = new ThreadPage(asParticipant2);
  await watcher.goto(thread.url);
  await expect(watcher.composer).toBeVisible();
  await expect(watcher.moderation).toHaveCount(0);
  await waitForLive(asParticipant2);

  const moderator = new ThreadPage(asModerator);
  await moderator.goto(thread.url);
  await moderator.pin.click();
  await expect(moderator.unpin).toBeVisible();
  await expect(asModerator.getByRole("main").getByText("Angeheftet", { exact: true })).toBeVisible();
  await moderator.lock.click();
  await expect(moderator.unlock).toBeVisible();
  await expect(asModerator.getByRole("main").getByText("Gesperrt", { exact: true })).toBeVisible();
  // moderation may still answer in a locked thread
  await expect(moderator.composer).toBeVisible();
  const explanation = make.name("Gesperrt, weil erledigt");
  await moderator.reply(explanation);
  await expect(moderator.post(explanation)).toHaveCount(1);

  // the open page follows live
  await expect(watcher.lockedNotice).toBeVisible();
  await expect(watcher.composer).toHaveCount(0);
  await expect(watcher.post(explanation)).toHaveCount(1);

  // a fresh page load shows the same
  const other = new ThreadPage(asParticipant);
  await other.goto(thread.url);
  await expect(other.title).toHaveText(thread.title);
  await expect(other.lockedNotice).toBeVisible();
  await expect(other.composer).toHaveCount(0);
  await expect(other.send).toHaveCount(0);
  await expect(other.posts.first().getByRole("button", { name: /Bearbeiten/ })).toHaveCount(0);
  await expect(asParticipant.getByRole("main").getByText("Angeheftet", { exact: true })).toBeVisible();

  const group = new GroupPage(asParticipant);
  await group.goto("technik");
  await expect(group.thread(thread.title)).toContainText("Angeheftet");
  await expect(group.thread(thread.title)).toContainText("Gesperrt");

  await asAdmin.goto("/verwaltung");
  const audit = new AdminPage(asAdmin).audit;
  await expect(audit).toContainText(`Thema angeheftet oder gesperrt: „${thread.title}“ (angeheftet) – durch Martin Meier`);
  await expect(audit).toContainText(`Thema angeheftet oder gesperrt: „${thread.title}“ (gesperrt) – durch Martin Meier`);

  // unlocking brings the composer back, live
  await moderator.unlock.click();
  await expect(moderator.lock).toBeVisible();
  await expect(watcher.composer).toBeVisible();
  await expect(watcher.lockedNotice).toHaveCount(0);
  await moderator.unpin.click();
  await expect(moderator.pin).toBeVisible();
});

import { expect, test, trpc, uniqueEmail } from "./fixtures";
import { AdminPage } from "./pages/admin-page";
import { AppShell } from "./pages/app-shell";
import { SignInPage } from "./pages/sign-in-page";

const INVALID = "Diese Einladung ist ungültig, abgelaufen oder wurde bereits verwendet.";

test("[invitation] admin invites, the invitee sets up the account once and signs in", async ({ asAdmin, browser }, testInfo) => {
  const email = uniqueEmail(testInfo, "eingeladen");
  const organisation = `Verbandsgemeinde Test ${testInfo.workerIndex}`;
  const name = `Ina Eingeladen ${Date.now().toString(36)}`;
  const password = "sicheres-passwort-42";

  const admin = new AdminPage(asAdmin);
  await admin.goto();
  await expect(admin.heading).toBeVisible();
  await admin.invite(email, organisation, "Teilnehmende");
  await expect(admin.invitationLink).toBeVisible();
  const link = (await admin.invitationLink.textContent())!.trim();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/einladung\/[\w-]{20,}$/);
  // the form is emptied for the next invitation and the list shows the open invitation
  await expect(admin.inviteEmail).toHaveValue("");
  const row = admin.invitations.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("offen bis");
  await expect(row).toContainText("Teilnehmende");

  const invitee = await (await browser.newContext()).newPage();
  try {
    await invitee.goto(link);
    await expect(invitee.getByRole("heading", { level: 1, name: "Einladung zur GDST-Plattform" })).toBeVisible();
    await expect(invitee.getByRole("main")).toContainText(organisation);
    await expect(invitee.getByRole("main")).toContainText(email);

    // mismatching and too-short passwords are refused first
    await invitee.getByLabel("Ihr Name").fill(name);
    await invitee.getByLabel("Passwort", { exact: true }).fill(password);
    await invitee.getByLabel("Passwort wiederholen").fill(`${password}x`);
    await invitee.getByRole("button", { name: "Zugang einrichten" }).click();
    await expect(invitee.getByText("Die beiden Passwörter stimmen nicht überein.")).toBeVisible();
    await invitee.getByLabel("Passwort", { exact: true }).fill("kurz");
    await invitee.getByLabel("Passwort wiederholen").fill("kurz");
    await invitee.getByRole("button", { name: "Zugang einrichten" }).click();
    await expect(invitee.getByText("Das Passwort muss mindestens 10 Zeichen lang sein.")).toBeVisible();
    await expect(invitee).toHaveURL(link);

    await invitee.getByLabel("Passwort", { exact: true }).fill(password);
    await invitee.getByLabel("Passwort wiederholen").fill(password);
    await invitee.getByRole("button", { name: "Zugang einrichten" }).click();
    await expect(invitee).toHaveURL(new RegExp(`/anmelden\\?eingeladen=1&email=${encodeURIComponent(email)}$`));
    await expect(invitee.getByLabel("E-Mail-Adresse")).toHaveValue(email);
    await expect(invitee.getByText("Ihr Zugang ist eingerichtet. Bitte melden Sie sich jetzt an.")).toBeVisible();

    const signIn = new SignInPage(invitee);
    await signIn.signIn(email, password);
    await expect(invitee).toHaveURL("/");
    await expect(new AppShell(invitee).welcome(name)).toBeVisible();
    await expect(invitee.getByRole("banner")).toContainText(organisation);
    await expect(invitee.getByRole("banner")).toContainText("Teilnehmende");

    // the link works exactly once
    await invitee.goto(link);
    await expect(invitee.getByRole("alert").filter({ hasText: INVALID })).toBeVisible();
    await expect(invitee.getByLabel("Ihr Name")).toHaveCount(0);
    const reuse = await trpc(invitee.request, "invitation.accept", { token: link.split("/").pop(), name: "Zweiter Versuch", password });
    expect(reuse.status).toBe(400);
    expect(reuse.error?.message).toBe(INVALID);
  } finally {
    await invitee.context().close();
  }

  await asAdmin.reload();
  await expect(admin.invitations.getByRole("row").filter({ hasText: email })).toContainText("angenommen");
  await expect(admin.userRow(email)).toContainText(name);
  await expect(admin.userRow(email)).toContainText("aktiv");
});

test("[invitation] an unknown or malformed invitation link shows the invalid message", async ({ page }) => {
  for (const token of ["x".repeat(43), "kurz", "%E2%80%AE"]) {
    await page.goto(`/einladung/${token}`);
    await expect(page.getByRole("alert").filter({ hasText: INVALID })).toBeVisible();
    await expect(page.getByLabel("Ihr Name")).toHaveCount(0);
  }
});

test("[invitation] a revoked invitation can no longer be used", async ({ asAdmin, page }, testInfo) => {
  const email = uniqueEmail(testInfo, "zurueckgezogen");
  const admin = new AdminPage(asAdmin);
  await admin.goto();
  await admin.invite(email, "Stadt Zurückgezogen", "Lesende");
  const link = (await admin.invitationLink.textContent())!.trim();
  await admin.invitations.getByRole("button", { name: `Zurückziehen (${email})` }).click();
  await expect(admin.invitations.getByRole("row").filter({ hasText: email })).toContainText("zurückgezogen");

  await page.goto(link);
  await expect(page.getByRole("alert").filter({ hasText: INVALID })).toBeVisible();
});

test("[invitation] an address that already has an account cannot be invited again", async ({ asAdmin }) => {
  const admin = new AdminPage(asAdmin);
  await admin.goto();
  await admin.invite("teilnehmer@gdst.example", "Gemeinde Hohe Börde", "Teilnehmende");
  await expect(asAdmin.getByRole("main").getByRole("alert")).toHaveText("Für diese E-Mail-Adresse gibt es bereits einen Zugang.");
  await expect(admin.invitationLink).toHaveCount(0);
});

test("[invitation] the invitation form explains missing or invalid fields", async ({ asAdmin }) => {
  const admin = new AdminPage(asAdmin);
  await admin.goto();
  await admin.inviteEmail.fill("keine-adresse");
  await admin.inviteSubmit.click();
  await expect(admin.inviteEmail).toHaveAccessibleDescription("Bitte geben Sie eine gültige E-Mail-Adresse ein.");
  await expect(admin.inviteOrganisation).toHaveAccessibleDescription("Bitte geben Sie eine Kommune oder Organisation ein.");
  await expect(admin.invitationLink).toHaveCount(0);
});

test("[invitation] participants and moderators cannot create invitations", async ({ asParticipant, asModerator }) => {
  for (const page of [asParticipant, asModerator]) {
    const response = await trpc(page.request, "invitation.create", { email: "unbefugt@e2e.example", organisation: "Unbefugt", role: "ADMIN" });
    expect(response.status).toBe(403);
    expect(response.error?.message).toBe("Dafür fehlt Ihnen die Berechtigung.");
    expect(response.data).toBeUndefined();
    const list = await trpc(page.request, "invitation.list", undefined, "query");
    expect(list.status).toBe(403);
  }
});

import { demo, DEMO_PASSWORD, expect, screens, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { SignInPage } from "./pages/sign-in-page";

const accounts = [
  { email: demo.admin, name: "Andrea Albrecht", role: "Administration" },
  { email: demo.moderator, name: "Martin Meier", role: "Moderation" },
  { email: demo.participant, name: "Thomas Tietz", role: "Teilnehmende" },
  { email: demo.participant2, name: "Sabine Schulze", role: "Teilnehmende" },
  { email: demo.reader, name: "Lena Lorenz", role: "Lesende" },
];

for (const account of accounts) {
  test(`[auth] ${account.role} (${account.email}) signs in through the form and lands on the home page`, async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await expect(signIn.heading).toBeVisible();
    await signIn.signIn(account.email, DEMO_PASSWORD);

    const shell = new AppShell(page);
    await expect(page).toHaveURL("/");
    await expect(shell.welcome(account.name)).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(account.name);
    await expect(page.getByRole("banner")).toContainText(account.role);
  });
}

test("[auth] a wrong password shows the German error and stays on /anmelden", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(demo.participant, "falsches-passwort");
  await expect(signIn.error).toHaveText("E-Mail-Adresse oder Passwort ist nicht richtig – oder der Zugang ist deaktiviert.");
  await expect(page).toHaveURL(/\/anmelden$/);
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.user).toBeUndefined();
  await screens(page, "anmelden-fehler");
});

test("[auth] before the script has taken over, the sign-in form cannot send the password in a URL", async ({ browser, baseURL }) => {
  // as on a slow connection, where the HTML is there before the script: a form without a method would
  // be sent as GET with the password in the query string (browser history, proxy logs, Referer)
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  const signIn = new SignInPage(page);
  await signIn.goto();
  // shown without script (a <noscript>, which Playwright's text locators skip)
  expect(await page.content()).toContain("Dieses Formular braucht JavaScript: bitte schalten Sie es in Ihrem Browser ein.");
  await expect(page.locator("form")).toHaveAttribute("method", "post");
  await signIn.email.fill(demo.participant);
  await signIn.password.fill(DEMO_PASSWORD);
  await expect(signIn.submit).toBeDisabled();
  // Enter submits a form implicitly, unless its submit button is disabled
  await signIn.password.press("Enter");
  await page.goto("/anmelden?danach=1");
  expect(requested.filter((url) => url.includes("password") || url.includes(DEMO_PASSWORD))).toEqual([]);
  await context.close();
});

test("[auth] an empty form asks for e-mail address and password", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.submit.click();
  await expect(signIn.error).toHaveText("Bitte geben Sie E-Mail-Adresse und Passwort ein.");
  await expect(page).toHaveURL(/\/anmelden$/);
});

test("[auth] a signed-out visitor to / is sent to /anmelden", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/anmelden/);
  await expect(new SignInPage(page).heading).toBeVisible();
  await page.goto("/arbeitsgruppen/technik");
  await expect(page).toHaveURL(/\/anmelden\?callbackUrl=%2Farbeitsgruppen%2Ftechnik$/);
  // after signing in, the visitor is where the link pointed
  await new SignInPage(page).signIn(demo.participant, DEMO_PASSWORD);
  await expect(page).toHaveURL("/arbeitsgruppen/technik");
  await expect(page.getByRole("heading", { level: 1, name: "Arbeitsgruppe Technik" })).toBeVisible();
});

test("[auth] signing out ends the session and returns to /anmelden", async ({ asParticipant: page }) => {
  const shell = new AppShell(page);
  await page.goto("/");
  await expect(shell.welcome("Thomas Tietz")).toBeVisible();
  await shell.signOut.click();
  await expect(page).toHaveURL(/\/anmelden/);
  await expect(new SignInPage(page).heading).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/anmelden/);
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.user).toBeUndefined();
});

test("[auth] a signed-in person opening /anmelden goes to the home page", async ({ asModerator: page }) => {
  await page.goto("/anmelden");
  await expect(page).toHaveURL("/");
  await expect(new AppShell(page).welcome("Martin Meier")).toBeVisible();
});
